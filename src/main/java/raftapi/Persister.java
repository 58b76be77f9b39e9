package raftapi;

/**
 * Holds Raft's persistent state and the service's latest snapshot: the Java version of Go's {@code
 * tester.Persister}, a stand-in for a disk.
 *
 * <p>The tester hands a Persister to {@code Raft.make} and, when it crashes the peer, keeps the
 * bytes and gives the restarted peer a copy. A crashed peer keeps writing only to its old
 * Persister, which nobody reads any more. Data is copied on the way in and on the way out, so later
 * changes to your arrays never reach the "disk".
 *
 * <p>All methods are thread-safe and return quickly.
 */
public final class Persister {
  private byte[] raftState = new byte[0];
  private byte[] snapshot = new byte[0];

  public Persister() {}

  /** A new Persister holding the same bytes, for a restarted peer. */
  public synchronized Persister copy() {
    Persister p = new Persister();
    p.raftState = raftState; // safe to share: never modified in place
    p.snapshot = snapshot;
    return p;
  }

  /**
   * Saves Raft's state and the snapshot together, atomically. Pass null or an empty array as the
   * snapshot only if there has never been one: the snapshot saved last time is replaced.
   */
  public synchronized void save(byte[] raftState, byte[] snapshot) {
    this.raftState = raftState == null ? new byte[0] : raftState.clone();
    this.snapshot = snapshot == null ? new byte[0] : snapshot.clone();
  }

  /** The Raft state saved last, or an empty array if none was saved. */
  public synchronized byte[] readRaftState() {
    return raftState.clone();
  }

  /** The snapshot saved last, or an empty array if none was saved. */
  public synchronized byte[] readSnapshot() {
    return snapshot.clone();
  }

  public synchronized int raftStateSize() {
    return raftState.length;
  }

  public synchronized int snapshotSize() {
    return snapshot.length;
  }
}
