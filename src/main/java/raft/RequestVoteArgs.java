package raft;

/**
 * Arguments of the RequestVote RPC. Add the fields of the paper's Figure 2.
 *
 * <p>labgob sends every non-static, non-transient field, whatever its visibility, and the handler
 * gets a fresh copy. A class that labgob cannot send (one holding a lock, say) makes the call throw
 * an error that names the field.
 */
public class RequestVoteArgs {
  // Your data here (3A, 3B).
}
