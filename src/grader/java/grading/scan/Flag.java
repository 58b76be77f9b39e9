package grading.scan;

/**
 * One finding of the scan: a class of the submission refers to something its lab's allow-list does
 * not hold.
 *
 * @param rule what kind of thing ({@link Rules#kindOf}, e.g. "System.exit" or "reflection")
 * @param where the submitted class and method, e.g. {@code raft.Raft.make}
 * @param target what it refers to, e.g. {@code java.lang.System.exit}
 * @param file the source file, e.g. {@code raft/Raft.java} (empty if unknown)
 * @param line the line in it (0 if unknown)
 */
public record Flag(String rule, String where, String target, String file, int line) {
  /** A finding whose file and line are not known. */
  public Flag(String rule, String where, String target) {
    this(rule, where, target, "", 0);
  }

  @Override
  public String toString() {
    String at = file.isEmpty() ? "" : " (" + file + (line > 0 ? ":" + line : "") + ")";
    return rule + ": " + where + " uses " + target + at;
  }
}
