package deterministic;

import java.lang.reflect.Field;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import kotlin.Unit;
import org.pastalab.fray.core.RunContext;
import org.pastalab.fray.core.TestRunner;
import org.pastalab.fray.core.command.Configuration;
import org.pastalab.fray.core.command.ExecutionInfo;
import org.pastalab.fray.core.command.FrayClassLoader;
import org.pastalab.fray.core.command.LambdaExecutor;
import org.pastalab.fray.core.command.NetworkDelegateType;
import org.pastalab.fray.core.command.SystemTimeDelegateType;
import org.pastalab.fray.core.randomness.ControlledRandom;
import org.pastalab.fray.core.randomness.Randomness;
import org.pastalab.fray.core.scheduler.PCTScheduler;
import org.pastalab.fray.core.scheduler.RandomScheduler;
import org.pastalab.fray.core.scheduler.Scheduler;
import org.pastalab.fray.rmi.ThreadState;

/**
 * One run of one lab test under Fray, fixed by one seed. The seed drives all three sources of
 * choice in a run: the tester's and the network's random numbers ({@code raftlab.seed}), the order
 * in which Fray lets threads run (its scheduler's random numbers), and the {@code
 * ThreadLocalRandom} the peers draw their election timeouts from. Time is virtual, so nothing else
 * can differ: the same seed gives the same run, event for event.
 *
 * <p>Fray's settings, and why:
 *
 * <ul>
 *   <li>virtual time ({@code SystemTimeDelegateType.MOCK}): {@code System.nanoTime} and {@code
 *       currentTimeMillis} read Fray's clock, which advances by {@code timeStepNanos} per read, and
 *       jumps to the next deadline when every thread waits (a sleep, a timed park or await). A test
 *       that sleeps 5 s takes no 5 s of wall time;
 *   <li>timed waits are kept ({@code ignoreTimedBlock} false): Fray's default wakes a sleeping
 *       thread at once, which would make every Raft timer fire immediately;
 *   <li>sleeps are not yields ({@code sleepAsYield} false), for the same reason;
 *   <li>no network delegate: labrpc is in-process, there are no sockets;
 *   <li>exceptions in other threads count ({@code ignoreUnhandledExceptions} false), as a Go panic
 *       would; Fray stops the schedule and reports it;
 *   <li>one iteration per {@link Configuration} ({@code isReplay} true, which also keeps Fray's
 *       progress screen quiet): exploration runs many of these, each with its own seed, so any one
 *       of them can be replayed alone.
 * </ul>
 */
final class Schedule {
  /** The result of one schedule: the test's verdict, and what Fray itself found, if anything. */
  record Outcome(String verdict, Throwable frayBug, String cost) {
    boolean passed() {
      return "ok".equals(verdict) && frayBug == null;
    }

    /** One line: {@code ok}, the test's failure, or the error Fray caught (deadlock, panic). */
    String describe() {
      if (frayBug != null) {
        return "FAIL " + frayBug;
      }
      return verdict == null ? "FAIL the test did not finish" : verdict;
    }
  }

  private final List<URL> classesUnderTest;
  private final String scheduler;
  private final long timeStepNanos;
  private final Path workDir;

  /**
   * @param classesUnderTest the folders with the tests, the tester and the code under test: they
   *     are loaded afresh for each schedule (jars, such as JUnit's, are shared)
   * @param scheduler {@code pos}, {@code random} or {@code pct}
   * @param timeStepNanos how far the virtual clock moves on each read of it
   * @param workDir where Fray may write its log
   */
  Schedule(List<Path> classesUnderTest, String scheduler, long timeStepNanos, Path workDir) {
    this.classesUnderTest = new ArrayList<>();
    for (Path p : classesUnderTest) {
      try {
        this.classesUnderTest.add(p.toUri().toURL());
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException(p.toString(), e);
      }
    }
    this.scheduler = scheduler;
    this.timeStepNanos = timeStepNanos;
    this.workDir = workDir;
  }

  /**
   * Runs {@code className#methodName} once under the schedule of {@code seed}.
   *
   * @param atVerdict if not null, called on the test's thread, inside the schedule, the moment the
   *     test's verdict is known and its event log written, with the outcome so far (the verdict,
   *     and whatever Fray has found until then). It may end the JVM (see {@code
   *     Deterministic.replayOne}).
   */
  Outcome run(
      long seed, String className, String methodName, Path logFile, Consumer<Outcome> atVerdict) {
    System.setProperty("raftlab.seed", Long.toString(seed));
    AtomicReference<String> verdict = new AtomicReference<>();
    LambdaExecutor body =
        new LambdaExecutor(
            () -> {
              ThreadRegistry.install(frayContext());
              resetThreadLocalRandom(seed);
              ClockTrace.on = true;
              ClassLoader loader =
                  new FrayClassLoader(
                      classesUnderTest.toArray(new URL[0]), Schedule.class.getClassLoader());
              Thread.currentThread().setContextClassLoader(loader);
              try {
                verdict.set(
                    (String)
                        loader
                            .loadClass(TestBody.class.getName())
                            .getMethod("run", String.class, String.class, String.class)
                            .invoke(null, className, methodName, logFile.toString()));
              } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot run " + className + "#" + methodName, e);
              }
              if (atVerdict != null) {
                atVerdict.accept(new Outcome(verdict.get(), bugFoundSoFar(), costSoFar()));
              }
              return Unit.INSTANCE;
            });
    Configuration config =
        new Configuration(
            new ExecutionInfo(
                body, /* ignoreUnhandledExceptions */
                false,
                /* interleaveMemoryOps */ false, /* maxScheduledStep */
                -1),
            workDir,
            /* iter */ 1,
            /* timeout, s */ 24 * 3600,
            schedulerFor(seed),
            () -> randomness(seed),
            /* fullSchedule */ false,
            /* exploreMode */ false,
            /* noExitWhenBugFound */ true,
            /* isReplay */ true,
            /* noFray */ false,
            /* dummyRun */ false,
            NetworkDelegateType.NONE,
            SystemTimeDelegateType.MOCK,
            timeStepNanos,
            /* ignoreTimedBlock */ false,
            /* sleepAsYield */ false,
            /* resetClassLoader (ours is reset above) */ false,
            /* redirectStdout */ false,
            /* abortThreadExecutionAfterMainExit */ true,
            /* resolveRacingOperationStackTraceHash */ false,
            /* timelineCoverageType */ null);
    Throwable bug = new TestRunner(config).run();
    ClockTrace.on = false;
    return new Outcome(verdict.get(), bug, "");
  }

  /**
   * What Fray has reported so far in this schedule (an exception in a thread, a deadlock). Its
   * runtime classes live in the instrumented JDK, not on the compile classpath: hence reflection.
   */
  private static Throwable bugFoundSoFar() {
    return frayContext().getBugFound();
  }

  /**
   * What the schedule has cost so far, in Fray's units: the scheduled steps, and the threads the
   * run has started, and how many of them have not ended. At every step Fray walks the threads that
   * have not ended (see {@link ThreadRegistry}), so steps times those threads is its work.
   */
  private static String costSoFar() {
    RunContext context = frayContext();
    long notEnded =
        context.getRegisteredThreads().values().stream()
            .filter(c -> c.getState() != ThreadState.Completed)
            .count();
    return String.format(
        "%d scheduled steps; %d threads started, %d of them not ended",
        context.getStep(), context.getRegisteredThreads().size(), notEnded);
  }

  private static RunContext frayContext() {
    try {
      Object delegate =
          Class.forName("org.pastalab.fray.runtime.Runtime").getField("LOCK_DELEGATE").get(null);
      return (RunContext) delegate.getClass().getMethod("getContext").invoke(delegate);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("deterministic: cannot ask Fray for its run's state", e);
    }
  }

  private Scheduler schedulerFor(long seed) {
    Randomness r = randomness(seed);
    return switch (scheduler) {
      case "fray-pos" -> new org.pastalab.fray.core.scheduler.POSScheduler(r);
      case "random" -> new RandomScheduler(r);
      case "pct" -> new PCTScheduler(r, 3, 0);
      default -> new PosScheduler(r);
    };
  }

  /** Fray's record of random choices, drawn from {@code seed} instead of an unseeded Random. */
  private static Randomness randomness(long seed) {
    return new ControlledRandom(new ArrayList<>(), new ArrayList<>(), new Random(seed));
  }

  /**
   * ThreadLocalRandom seeds each new thread from one static counter, itself seeded from the wall
   * clock when the JVM started. Setting the counter makes the peers' random election timeouts a
   * function of the seed too (threads are created in a fixed order under the scheduler). Needs
   * {@code --add-opens java.base/java.util.concurrent=ALL-UNNAMED}.
   */
  private static void resetThreadLocalRandom(long seed) {
    try {
      Field f = ThreadLocalRandom.class.getDeclaredField("seeder");
      f.setAccessible(true);
      ((AtomicLong) f.get(null)).set(seed * 0x9E3779B97F4A7C15L);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException(
          "deterministic: cannot seed ThreadLocalRandom (run with"
              + " --add-opens java.base/java.util.concurrent=ALL-UNNAMED)",
          e);
    }
  }
}
