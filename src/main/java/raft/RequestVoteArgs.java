package raft;

/**
 * Arguments of the RequestVote RPC. Add the fields of the paper's Figure 2, a constructor with no
 * arguments (labgob makes the handler's copy with it) and one that sets the fields, as the 3A
 * hints' sketch calls it: {@code new RequestVoteArgs(term, me, lastLogIndex(), lastLogTerm())}.
 *
 * <p>labgob sends every non-static, non-transient field, whatever its visibility, and the handler
 * gets a fresh copy. A class that labgob cannot send (one holding a lock, say) makes the call throw
 * an error that names the field.
 */
public class RequestVoteArgs {
  // Your data here (3A, 3B).
}
