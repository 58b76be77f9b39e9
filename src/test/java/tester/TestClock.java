package tester;

/**
 * The clock against which a test's 120-second limit is measured. Tests run on the real one; the
 * tester's own tests run on a scaled one, so that "a test that took 121 s" takes no time.
 */
public interface TestClock {
  /** Nanoseconds since some fixed origin, as {@link System#nanoTime()}. */
  long nanoTime();

  // A lambda, not System::nanoTime: the deterministic mode's Fray rewrites calls of
  // System.nanoTime into its virtual clock, and a method reference holds no call to rewrite.
  TestClock REAL = () -> System.nanoTime();
}
