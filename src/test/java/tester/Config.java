package tester;

import diagnostics.Timeline;
import diagnostics.EventLog;
import diagnostics.ThreadReport;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import labrpc.Network;

/**
 * The base of every lab tester, the Java port of {@code tester1/config.go}: one network, the
 * groups of servers on it, the test's random numbers, its time limit, and the
 * {@code begin}/{@code end} lines that a test run prints.
 *
 * <p>A test makes one Config (through a lab's tester, such as {@code RaftTester}), calls {@link
 * #begin}, acts and checks. When the test method returns or fails, {@link TesterExtension} prints
 * the result line and cleans up: every server is killed, the network is shut, and threads that a
 * killed server leaves running are reported.
 *
 * <p><b>Failing.</b> A check that fails calls {@link #fatalf}, which throws a {@link TestFailure}
 * with the Go message. Failures found on other threads (an apply error seen by an applier, an RPC
 * handler that threw) go through {@link #fail}: the first one is recorded and the test thread is
 * interrupted, so the test stops at its next sleep or check with that message. Nothing here ends
 * the JVM: the run goes on to the next test.
 *
 * <p><b>Randomness.</b> Every random choice of the network and of the tester comes from the seed
 * printed with a failure. Rerun with {@code -Draftlab.seed=N} (or {@code ./grade.sh --seed N}) to
 * replay the same choices; thread timing still varies from run to run, so a seed makes a failure
 * likelier to recur, not certain.
 */
public class Config {
  public static final int GRP0 = 0;
  /** Go's per-test limit. */
  public static final long TEST_LIMIT_SECONDS = 120;

  private static volatile Config current;
  private static final SecureRandom SEEDS = new SecureRandom();

  protected final Network net;
  private final Map<Integer, ServerGrp> groups = new HashMap<>();
  private final long seed;
  /** The test's random numbers (Go's math/rand); seeded, see the class comment. */
  public final Random rand;
  private volatile long start;
  private final Thread testThread;
  private final Set<Thread> threadsBefore;
  private final AtomicReference<TestFailure> asyncFailure = new AtomicReference<>();
  private final AtomicInteger ops = new AtomicInteger();
  private final EventLog events;
  private volatile long t0;
  private volatile int rpcs0;
  private volatile String title = "";
  private volatile boolean begun;
  private volatile double timeScale = 1.0;

  /** A network with group {@link #GRP0} of {@code n} servers, all started and connected. */
  public Config(int n, boolean reliable, FStartServer mks) {
    this();
    init(n, reliable, mks);
  }

  /**
   * A network without servers yet; a subclass whose {@link FStartServer} is one of its own
   * methods calls {@link #init} at the end of its constructor.
   */
  protected Config() {
    Long fixed = Long.getLong("raftlab.seed");
    this.seed = fixed != null ? fixed : SEEDS.nextLong() >>> 2;
    this.rand = new Random(seed * 6364136223846793005L + 1442695040888963407L);
    this.testThread = Thread.currentThread();
    this.threadsBefore = ThreadReport.liveThreads();
    this.events = new EventLog();
    this.net = new Network(seed);
    this.net.setErrorListener((message, cause) -> fail(message, stackOf(cause)));
    current = this;
    this.start = System.nanoTime();
  }

  /** Starts group {@link #GRP0} of {@code n} servers and sets the network's reliability. */
  protected final void init(int n, boolean reliable, FStartServer mks) {
    makeGroupStart(GRP0, n, mks);
    this.start = System.nanoTime();
    net.setReliable(reliable);
  }

  /** The Config of the test running now, or null. */
  public static Config current() {
    return current;
  }

  public long seed() {
    return seed;
  }

  public EventLog events() {
    return events;
  }

  // ---- groups and network settings ---------------------------------------------------------

  public void makeGroupStart(int gid, int nsrv, FStartServer mks) {
    ServerGrp sg = new ServerGrp(net, gid, nsrv, mks, events);
    synchronized (this) {
      groups.put(gid, sg);
    }
    sg.startServers();
  }

  public synchronized ServerGrp group(int gid) {
    return groups.get(gid);
  }

  public void setReliable(boolean reliable) {
    net.setReliable(reliable);
    events.tester("network " + (reliable ? "reliable" : "unreliable"));
  }

  public boolean isReliable() {
    return net.isReliable();
  }

  public void setLongReordering(boolean yes) {
    net.setLongReordering(yes);
    events.tester("long reordering " + (yes ? "on" : "off"));
  }

  public void setLongDelays(boolean yes) {
    net.setLongDelays(yes);
  }

  /** RPCs sent so far through the network (every call, delivered or not). */
  public int rpcTotal() {
    return net.getTotalCount();
  }

  /** Bytes of all requests and delivered replies so far. */
  public long bytesTotal() {
    return net.getTotalBytes();
  }

  // ---- clerks (Lab 4) -----------------------------------------------------------------------

  private final java.util.Set<Clnt> clnts = new java.util.HashSet<>();

  /** A clerk's connection that may reach every server of group {@link #GRP0}. */
  public Clnt makeClient() {
    return makeClientTo(null);
  }

  /** A clerk's connection that may reach only the servers {@code to} of group {@link #GRP0}. */
  public Clnt makeClientTo(int[] to) {
    Clnt clnt = new Clnt(net, group(GRP0).srvNames(), to);
    synchronized (clnts) {
      clnts.add(clnt);
    }
    return clnt;
  }

  /** Removes a clerk's ends from the network (Go's DeleteClient). */
  public void deleteClient(Clnt clnt) {
    synchronized (clnts) {
      if (clnts.remove(clnt)) {
        clnt.remove();
      }
    }
  }

  // ---- begin / end -------------------------------------------------------------------------

  /**
   * Starts the test proper: prints {@code "<description> (reliable network)..."} and resets the
   * counters that {@link #end} reports.
   */
  public void begin(String description) {
    String line = description + " (" + (net.isReliable() ? "reliable" : "unreliable")
        + " network)...";
    System.out.println(line);
    title = line;
    begun = true;
    t0 = System.nanoTime();
    rpcs0 = rpcTotal();
    ops.set(0);
    events.tester("begin: " + description);
  }

  /** Counts one clerk operation, reported as #Ops. */
  public void op() {
    ops.incrementAndGet();
  }

  /** Prints the line of a passed test: time, peers, RPCs, operations. */
  public void end() {
    double seconds = (System.nanoTime() - (begun ? t0 : start)) / 1e9;
    int npeers = group(GRP0).n();
    int nrpc = rpcTotal() - rpcs0;
    System.out.printf("  ... Passed --  time %4.1fs #peers %d #RPCs %5d #Ops %4d%n", seconds,
        npeers, nrpc, ops.get());
  }

  public String title() {
    return title;
  }

  /** Whether {@link #begin} was called (tests of the tester never call it). */
  public boolean begun() {
    return begun;
  }

  // ---- failing -------------------------------------------------------------------------------

  /**
   * Fails the test with a Go-style message; use as {@code throw ts.fatalf(...)} where the
   * compiler needs to know that the method does not return.
   */
  public TestFailure fatalf(String format, Object... args) {
    String msg = String.format(format, args);
    events.failure(msg);
    throw new TestFailure(msg);
  }

  /** Fails the test from any thread; the test thread stops at its next sleep or check. */
  public void fail(String message, String details) {
    TestFailure tf = new TestFailure(message).withDetails(details);
    if (asyncFailure.compareAndSet(null, tf)) {
      events.failure(message);
      testThread.interrupt();
    }
  }

  /** Throws the failure another thread recorded, if any. Checkers call it. */
  public void checkFailure() {
    TestFailure tf = asyncFailure.get();
    if (tf != null) {
      throw copyOnThisThread(tf);
    }
  }

  TestFailure asyncFailure() {
    return asyncFailure.get();
  }

  /**
   * For the tester's own tests, which provoke failures on purpose: forgets the failure another
   * thread recorded, so that the test can pass once it has checked it.
   */
  public void acknowledgeFailure() {
    asyncFailure.set(null);
    Thread.interrupted();
  }

  /** The failure to throw when the test thread is interrupted. */
  static TestFailure interrupted() {
    Config c = current;
    TestFailure tf = c == null ? null : c.asyncFailure.get();
    if (tf != null) {
      return copyOnThisThread(tf);
    }
    return new TestFailure("the test thread was interrupted (stopped by its time limit?)");
  }

  /** The same failure, but with the stack of the current thread, so it shows where the test was. */
  private static TestFailure copyOnThisThread(TestFailure tf) {
    return new TestFailure(tf.getMessage()).withDetails(tf.details());
  }

  /**
   * For the tester's own tests, which drive checkers against mocked peers: scales every sleep of
   * the tester ({@code 0} = do not sleep at all), so that a checker's ten rounds take no time.
   */
  public void setTimeScale(double scale) {
    this.timeScale = scale;
  }

  /** Sleeps; a failure recorded meanwhile by another thread ends the sleep and the test. */
  public void sleep(long ms) {
    checkFailure();
    try {
      Thread.sleep((long) (ms * timeScale));
    } catch (InterruptedException e) {
      throw interrupted();
    }
    checkFailure();
  }

  /**
   * Runs {@code body} on a new tester thread (Go's {@code go func() {...}()}). If it fails, the
   * test fails with its message.
   */
  public Thread go(String name, Runnable body) {
    Thread t = new Thread(() -> {
      try {
        body.run();
      } catch (TestFailure tf) {
        fail(tf.getMessage(), tf.details());
      } catch (Throwable e) {
        fail("tester thread " + name + " threw " + e, stackOf(e));
      }
    }, "tester-" + name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** Waits for tester threads started with {@link #go}; fails if one of them failed. */
  public void join(List<Thread> threads) {
    try {
      for (Thread t : threads) {
        t.join();
      }
    } catch (InterruptedException e) {
      throw interrupted();
    }
    checkFailure();
  }

  private static String stackOf(Throwable t) {
    if (t == null) {
      return "";
    }
    java.io.StringWriter sw = new java.io.StringWriter();
    t.printStackTrace(new java.io.PrintWriter(sw));
    return sw.toString();
  }

  // ---- timeline ------------------------------------------------------------------------------

  /**
   * Starts a daemon thread that calls {@code sample} every 50 ms until the test ends, to record
   * the servers' states for the timeline (a lab tester supplies what to sample).
   */
  protected void startSampler(Runnable sample) {
    Thread t = new Thread(() -> {
      while (current == this) {
        try {
          sample.run();
          Thread.sleep(50);
        } catch (InterruptedException e) {
          return;
        } catch (Throwable e) {
          // A peer that throws from getState is reported by the checks, not here.
        }
      }
    }, "tester-sampler");
    t.setDaemon(true);
    t.start();
  }

  /**
   * Writes this test's timeline (see {@link Timeline}) into {@code -Draftlab.artifacts} (default
   * {@code target/timelines}) and says where; returns the path, or null if it could not.
   */
  Path writeTimeline(String testName, String failure) {
    String dir = System.getProperty("raftlab.artifacts", "target/timelines");
    String prefix = System.getProperty("raftlab.artifactPrefix", testName + "-" + seed);
    Path file = Path.of(dir, prefix + ".html").toAbsolutePath();
    try {
      Timeline.write(file, title.isEmpty() ? testName : title, failure, seed, group(GRP0).n(),
          events.events(), events.now());
      System.out.println("info: wrote timeline to " + file);
      return file;
    } catch (java.io.IOException | RuntimeException e) {
      System.out.println("info: could not write the timeline: " + e);
      return null;
    }
  }

  // ---- cleanup -------------------------------------------------------------------------------

  /**
   * Ends the test (called by {@link TesterExtension}): kills every server, shuts the network, and
   * reports threads that killed servers left running. Subclasses may first stop their own work.
   */
  protected void cleanup() {
    try {
      synchronized (clnts) {
        for (Clnt c : clnts) {
          c.remove();
        }
        clnts.clear();
      }
      synchronized (this) {
        for (ServerGrp sg : groups.values()) {
          sg.cleanup();
        }
      }
    } finally {
      net.cleanup();
      events.tester("cleanup");
      debug.Debug.endTest();
      if (current == this) {
        current = null;
      }
    }
    reportLeakedThreads();
  }

  /** Fails if more than 120 s passed since the Config was made (Go's CheckTimeout). */
  public void checkTimeout() {
    if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(TEST_LIMIT_SECONDS)) {
      throw new TestFailure("test took longer than " + TEST_LIMIT_SECONDS + " seconds");
    }
  }

  /** Gives killed servers' threads a moment to end, then names those still running. */
  private void reportLeakedThreads() {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(2000);
    List<Thread> left = ThreadReport.newStudentThreads(threadsBefore);
    while (!left.isEmpty() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      left = ThreadReport.newStudentThreads(threadsBefore);
    }
    if (!left.isEmpty()) {
      StringBuilder sb = new StringBuilder();
      sb.append("warning: ").append(left.size()).append(" thread(s) of killed servers still"
          + " running 2 s after the test ended (check killed() in every loop, and do not block"
          + " forever after kill()):\n");
      for (Thread t : left) {
        sb.append("    ").append(t.getName()).append(" at ").append(ThreadReport.where(t))
            .append('\n');
      }
      System.out.print(sb);
    }
  }

  // ---- helpers -------------------------------------------------------------------------------

  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  /** A random string of {@code n} URL-safe characters (Go's tester.Randstring). */
  public static String randstring(int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append(ALPHABET.charAt(SEEDS.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }

  /** A random string of {@code n} characters drawn from the test's seeded random numbers. */
  public String randstringSeeded(int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append(ALPHABET.charAt(rand.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }
}
