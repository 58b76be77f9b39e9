package tester;

/**
 * A failed check of the tester, carrying the Go message (for example {@code "expected one leader,
 * got none"}). It is an AssertionError, so JUnit reports it as a test failure, not an error.
 */
public class TestFailure extends AssertionError {
  private static final long serialVersionUID = 1L;

  private String details = "";

  public TestFailure(String message) {
    super(message);
  }

  /** Adds evidence (thread stacks, a deadlock report) that is printed after the message. */
  public TestFailure withDetails(String details) {
    this.details = details == null ? "" : details;
    return this;
  }

  public String details() {
    return details;
  }
}
