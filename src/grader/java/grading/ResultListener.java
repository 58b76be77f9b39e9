package grading;

/**
 * Told by {@link Grade#run} when each test starts and what its result is, after the test and the
 * tester's cleanup are over. A child JVM writes its verdicts from here.
 */
public interface ResultListener {
  /** The test {@code name} begins. */
  default void started(String name) {}

  /** The test is over: its result. */
  default void finished(Grade.Result result) {}
}
