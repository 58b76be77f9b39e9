package tester;

/**
 * Thrown by a clerk's {@link Clnt#call} once its test has ended, to stop the clerks and controllers
 * a test left running (Go lets such a goroutine leak into the next test): every loop of a clerk
 * calls servers, so the next call ends the thread. An Error, so that a student's {@code catch
 * (Exception e)} around a call does not keep the loop alive; the tester's threads end quietly on
 * it.
 */
public final class TestEnded extends Error {
  private static final long serialVersionUID = 1L;

  TestEnded() {
    super("the test has ended: this clerk's connection is closed", null, false, false);
  }
}
