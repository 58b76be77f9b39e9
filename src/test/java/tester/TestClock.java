package tester;

/**
 * The clock against which a test's 120-second limit is measured. Tests run on the real one; the
 * tester's own tests run on a scaled one, so that "a test that took 121 s" takes no time.
 */
public interface TestClock {
  /** Nanoseconds since some fixed origin, as {@link System#nanoTime()}. */
  long nanoTime();

  TestClock REAL = System::nanoTime;
}
