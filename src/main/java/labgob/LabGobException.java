package labgob;

/**
 * A value that labgob cannot encode or decode, with the path of the field where the trouble is (for
 * example {@code raft.AppendEntriesArgs.entries[2].command}) and what to do about it.
 *
 * <p>It is unchecked on purpose: an unencodable class is a programming error, like a panic in Go's
 * labgob, and should surface loudly rather than be caught and ignored.
 */
public class LabGobException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String problem;
  private String path;

  public LabGobException(String problem) {
    super(problem);
    this.problem = problem;
  }

  /** Adds an outer path segment while the exception unwinds through nested values. */
  LabGobException within(String segment) {
    path = path == null ? segment : segment + path;
    return this;
  }

  /**
   * Where the problem is: e.g. {@code raft.AppendEntriesArgs.entries[2].command} when an object of
   * yours was encoded, or {@code [2].command} when a list was; null if at the top level.
   */
  public String path() {
    return path;
  }

  @Override
  public String getMessage() {
    return path == null ? "labgob: " + problem : "labgob: at " + path + ": " + problem;
  }
}
