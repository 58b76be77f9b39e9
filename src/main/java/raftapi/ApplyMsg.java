package raftapi;

/**
 * What Raft sends on the apply channel (Go's {@code raftapi.ApplyMsg}): either a committed log
 * entry or, from Lab 3D on, a snapshot.
 *
 * <p>As each entry becomes committed, the peer sends an ApplyMsg with {@code commandValid} true to
 * the service (or the tester) on the same server, in log order, one index after another. For other
 * kinds of messages (snapshots) {@code commandValid} is false and {@code snapshotValid} true. Make
 * them with {@link #command} and {@link #snapshot}.
 *
 * @param commandValid true for a committed log entry
 * @param command the entry's command, as given to {@code start}
 * @param commandIndex the entry's log index (the first entry is at index 1)
 * @param snapshotValid true for a snapshot
 * @param snapshot the snapshot's bytes, as given to {@code snapshot} or received from a leader
 * @param snapshotTerm the term of the last entry the snapshot includes
 * @param snapshotIndex the index of the last entry the snapshot includes
 */
public record ApplyMsg(
    boolean commandValid,
    Object command,
    int commandIndex,
    boolean snapshotValid,
    byte[] snapshot,
    int snapshotTerm,
    int snapshotIndex) {

  /** A committed log entry. The index comes first (unlike {@link #snapshot}, where it is last). */
  public static ApplyMsg command(int index, Object command) {
    return new ApplyMsg(true, command, index, false, null, 0, 0);
  }

  /**
   * A snapshot that includes every entry up to and including {@code index}. The index comes last
   * (unlike {@link #command}, where it is first).
   */
  public static ApplyMsg snapshot(byte[] snapshot, int term, int index) {
    return new ApplyMsg(false, null, 0, true, snapshot, term, index);
  }

  @Override
  public String toString() {
    return commandValid
        ? "ApplyMsg{command " + command + " at index " + commandIndex + "}"
        : snapshotValid
            ? "ApplyMsg{snapshot of "
                + (snapshot == null ? 0 : snapshot.length)
                + " bytes up to index "
                + snapshotIndex
                + ", term "
                + snapshotTerm
                + "}"
            : "ApplyMsg{neither command nor snapshot}";
  }
}
