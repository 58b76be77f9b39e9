package porcupine;

/** The verdict of a linearizability check. */
public enum CheckResult {
  /** Some order of the operations, each inside its own interval, is a legal run of the model. */
  OK,
  /** No such order exists: the recorded behaviour is not linearizable. */
  ILLEGAL,
  /**
   * The check ran out of time before finding an answer. Testers treat this as a pass, as the Go
   * tester does ("timed out, assuming history is ok"), because the search is exponential in the
   * worst case and a slow check says nothing about the service.
   */
  UNKNOWN
}
