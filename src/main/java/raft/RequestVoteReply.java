package raft;

/**
 * Reply of the RequestVote RPC. Add the fields of the paper's Figure 2.
 *
 * <p>The handler fills in a fresh RequestVoteReply made with the no-argument constructor; labrpc
 * copies its fields into the reply object the caller passed. So the fields must not be final.
 */
public class RequestVoteReply {
  // Your data here (3A).
}
