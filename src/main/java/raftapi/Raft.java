package raftapi;

/**
 * The interface the tester (and, in Lab 4, your key/value service) uses to drive a Raft peer: Go's
 * {@code raftapi.Raft}. Your {@code raft.Raft} implements it.
 *
 * <p>Every method must return quickly and must be thread-safe: the tester calls them from its own
 * threads while your peer's threads run. None may wait for an RPC or for agreement.
 */
public interface Raft {

  /** A peer's answer to {@link #getState()}. */
  record State(int term, boolean isLeader) {}

  /** A peer's answer to {@link #start(Object)}. */
  record StartResult(int index, int term, boolean isLeader) {}

  /**
   * Proposes {@code command} for the replicated log. If this peer is not the leader, returns {@code
   * isLeader} false. Otherwise appends the command to the leader's log and returns at once (without
   * waiting for agreement) the index it will have if it is ever committed, the current term, and
   * {@code isLeader} true. Must return promptly even after {@link #kill()}.
   */
  StartResult start(Object command);

  /** The current term and whether this peer believes it is the leader. */
  State getState();

  /**
   * The service has made a snapshot of everything up to and including {@code index}; Raft should
   * now discard its log up to there (Lab 3D). Called on every peer, not only the leader, possibly
   * from the thread that receives from the apply channel: do not wait for that channel here.
   */
  void snapshot(int index, byte[] snapshot);

  /** The size in bytes of Raft's persisted state (used by Lab 4 to decide when to snapshot). */
  int persistBytes();

  /**
   * Stops this peer. The tester calls it when a peer crashes or the test ends; the peer's threads
   * should notice (check a killed flag in every loop) and exit, and the peer must not send on the
   * apply channel for long afterwards. Must return quickly.
   */
  void kill();
}
