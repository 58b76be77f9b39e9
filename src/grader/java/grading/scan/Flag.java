package grading.scan;

/**
 * One finding of the scan: a class of the submission refers to something a Raft or a key/value
 * service never needs.
 *
 * @param rule what kind of thing (the {@link Rule}'s name, e.g. "System.exit")
 * @param where the submitted class and method, e.g. {@code raft.Raft.make}
 * @param target what it refers to, e.g. {@code java.lang.System.exit}
 */
public record Flag(String rule, String where, String target) {
  @Override
  public String toString() {
    return rule + ": " + where + " uses " + target;
  }
}
