package raft;

/**
 * AppendEntries RPC reply (Figure 2), plus the three fields of the fast log backup that the lab
 * handout describes: on a mismatch the follower tells the leader enough to skip a whole term of
 * conflicting entries per round trip instead of one entry.
 */
public class AppendEntriesReply {
  int term;
  boolean success;

  /** The term of the conflicting entry at prevLogIndex, or -1 if the log is too short there. */
  int xTerm;

  /** The first index the follower holds for xTerm. */
  int xIndex;

  /** The follower's log length (its last index + 1). */
  int xLen;
}
