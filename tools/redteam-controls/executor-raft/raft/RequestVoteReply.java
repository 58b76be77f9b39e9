package raft;

/** RequestVote RPC reply (Figure 2). */
public class RequestVoteReply {
  int term;
  boolean voteGranted;
}
