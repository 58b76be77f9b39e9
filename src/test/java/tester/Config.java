package tester;

import debug.Annotate;
import debug.Debug;
import diagnostics.EventLog;
import diagnostics.LeakedThreads;
import diagnostics.ThreadReport;
import diagnostics.Timeline;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import labrpc.Network;

/**
 * The base of every lab tester, the Java port of {@code tester1/config.go}: one network, the groups
 * of servers on it ({@link ServerGrp}, Go's {@code Groups}), the clerks' connections ({@link
 * Clnts}), the test's random numbers ({@link TestRandom}), its failures ({@link Failures}), and the
 * {@code begin}/{@code end} lines that a test run prints.
 *
 * <p>A test makes one Config (through a lab's tester, such as {@code RaftTester}), calls {@link
 * #begin}, acts and checks. When the test method returns or fails, {@link TesterExtension} checks
 * the 120-second limit, prints the result line and cleans up: every server is killed, the network
 * is shut, and threads that a killed server leaves running are reported.
 *
 * <p><b>Failing.</b> A check that fails calls {@link #fatalf}, which throws a {@link TestFailure}
 * with the Go message. Failures found on other threads (an apply error seen by an applier, an RPC
 * handler that threw, an exception that ended a thread of the student's code) go through {@link
 * #fail}: the first one is recorded and the test thread is interrupted, so the test stops at its
 * next sleep or check with that message. Nothing here ends the JVM: the run goes on to the next
 * test.
 *
 * <p><b>Watching.</b> For the whole test, a sampler records each Raft peer's role and term for the
 * timeline and reports leadership claims to {@link ElectionSafety}, which fails the test the moment
 * two servers claim the same term.
 */
public class Config {
  public static final int GRP0 = 0;

  /** Go's per-test limit. */
  public static final long TEST_LIMIT_SECONDS = 120;

  /** How long a call into student code may take before the test fails (see {@link Guard}). */
  public static final long DEFAULT_CALL_LIMIT_MS = 10_000;

  protected final Network net;
  private final Map<Integer, ServerGrp> groups = new HashMap<>();
  // Every group made in this test, exited ones too, for the timeline's lanes: gid -> servers.
  private final Map<Integer, Integer> groupSizes = new TreeMap<>();
  // One sampler per live group (Lab 5 runs several Raft groups).
  private final Map<Integer, StateSampler> samplers = new HashMap<>();
  private final TestRandom random = new TestRandom();

  /** The test's random numbers (Go's math/rand); seeded, see {@link TestRandom}. */
  public final Random rand = random.rand();

  private final TestClock clock;
  private final Set<Thread> threadsBefore;
  private final EventLog events;
  private final Failures failures;
  private final ElectionSafety electionSafety;
  private final Clnts clnts;
  private final AtomicInteger ops = new AtomicInteger();
  private volatile long start;
  private volatile long t0;
  private volatile int rpcs0;
  private volatile String title = "";
  private volatile boolean begun;
  private volatile double timeScale = 1.0;
  private volatile long callLimitMs = Long.getLong("raftlab.callLimitMs", DEFAULT_CALL_LIMIT_MS);
  private volatile boolean sampling;
  private volatile boolean ended; // cleanup has begun: a tester thread's failure no longer counts
  // Threads started with go(), stopped at the end of the test (see stopTesterThreads).
  private final List<Thread> testerThreads = new ArrayList<>();

  /** A network with group {@link #GRP0} of {@code n} servers, all started and connected. */
  public Config(int n, boolean reliable, FStartServer mks) {
    this();
    init(n, reliable, mks);
  }

  /**
   * A network without servers yet; a subclass whose {@link FStartServer} is one of its own methods
   * calls {@link #init} at the end of its constructor.
   */
  protected Config() {
    this(TestClock.REAL);
  }

  /** As {@link #Config()}, with the clock the time limit is measured on (for self-tests). */
  protected Config(TestClock clock) {
    this.clock = clock;
    this.threadsBefore = ThreadReport.liveThreads();
    this.events = new EventLog();
    this.failures = new Failures(Thread.currentThread(), events);
    this.electionSafety = new ElectionSafety(failures);
    this.net = new Network(random.seed());
    // The deterministic mode's network latency (see Network.setLatency); 0 in the lab tests.
    this.net.setLatency(Integer.getInteger("raftlab.latencyMs", 0));
    this.net.setErrorListener((message, cause) -> fail(message, Failures.stackOf(cause)));
    this.clnts = new Clnts(net);
    TesterExtension.attach(this);
    this.start = clock.nanoTime();
  }

  /**
   * Starts group {@link #GRP0} of {@code n} servers, sets the network's reliability, and starts
   * watching the group's Raft peers.
   */
  protected final void init(int n, boolean reliable, FStartServer mks) {
    makeGroupStart(GRP0, n, mks);
    this.start = clock.nanoTime();
    net.setReliable(reliable);
    synchronized (this) {
      sampling = true;
      for (ServerGrp sg : groups.values()) {
        startSampler(sg);
      }
    }
  }

  /** Watches {@code sg}'s Raft peers for the timeline and the election-safety monitor. */
  private synchronized void startSampler(ServerGrp sg) {
    if (sampling && !samplers.containsKey(sg.gid())) {
      StateSampler s = new StateSampler(sg, events, electionSafety);
      samplers.put(sg.gid(), s);
      s.start();
    }
  }

  /** The Config of the test running now, or null (see {@link TesterExtension}). */
  public static Config current() {
    return TesterExtension.current();
  }

  public long seed() {
    return random.seed();
  }

  public EventLog events() {
    return events;
  }

  /** The election-safety monitor; checkers report the leadership claims they see to it. */
  public ElectionSafety electionSafety() {
    return electionSafety;
  }

  // ---- groups and network settings ---------------------------------------------------------

  /**
   * Makes group {@code gid} of {@code nsrv} servers without starting them (Go's MakeGroup): its
   * servers' names exist, nobody answers yet. {@link ServerGrp#startServers} starts them.
   */
  public void makeGroup(int gid, int nsrv, FStartServer mks) {
    ServerGrp sg = new ServerGrp(net, gid, nsrv, mks, events);
    synchronized (this) {
      if (groups.containsKey(gid)) {
        throw new IllegalStateException(
            "Config.makeGroup: group " + gid + " exists already (exitGroup it first)");
      }
      groups.put(gid, sg);
      groupSizes.put(gid, nsrv);
    }
    events.tester("group " + gid + " made (" + nsrv + " servers)");
  }

  /** Makes group {@code gid} and starts its servers (Go's MakeGroupStart). */
  public void makeGroupStart(int gid, int nsrv, FStartServer mks) {
    makeGroup(gid, nsrv, mks);
    group(gid).startServers();
    startSampler(group(gid));
  }

  /**
   * Shuts group {@code gid} down for good and forgets it (Go's ExitGroup): its servers are crashed,
   * its sampler stops, and {@link #group} no longer finds it.
   */
  public void exitGroup(int gid) {
    ServerGrp sg = group(gid);
    if (sg == null) {
      throw new IllegalStateException("Config.exitGroup: no group " + gid);
    }
    sg.shutdown();
    StateSampler s;
    synchronized (this) {
      groups.remove(gid);
      s = samplers.remove(gid);
    }
    if (s != null) {
      s.stop();
    }
    // A group made later with this id is a new Raft group, whose terms start again at 0.
    electionSafety.forget(gid);
    events.tester("group " + gid + " exited");
  }

  /** Group {@code gid}, or null if there is none (never made, or exited). */
  public synchronized ServerGrp group(int gid) {
    return groups.get(gid);
  }

  /** The ids of the groups that exist now, in order. */
  public synchronized List<Integer> gids() {
    return groups.keySet().stream().sorted().toList();
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

  // ---- clerks --------------------------------------------------------------------------------

  /** A clerk's connection that may reach every server (Go's MakeClient). */
  public Clnt makeClient() {
    return clnts.make(group(GRP0).srvNames(), null);
  }

  /**
   * A clerk's connection that may reach only the servers named {@code srvs} (Go's MakeClientTo),
   * such as {@code ServerGrp.serverName(GRP0, 1)}.
   */
  public Clnt makeClientTo(String... srvs) {
    return clnts.make(group(GRP0).srvNames(), srvs);
  }

  /** A clerk's connection that may reach only the servers {@code to} of group {@link #GRP0}. */
  public Clnt makeClientTo(int[] to) {
    String[] names = new String[to.length];
    for (int i = 0; i < to.length; i++) {
      names[i] = ServerGrp.serverName(GRP0, to[i]);
    }
    return makeClientTo(names);
  }

  /** Removes a clerk's ends from the network (Go's DeleteClient). */
  public void deleteClient(Clnt clnt) {
    clnts.delete(clnt);
  }

  // ---- begin / end -------------------------------------------------------------------------

  /**
   * Starts the test proper: prints {@code "<description> (reliable network)..."} and resets the
   * counters that {@link #end} reports.
   */
  public void begin(String description) {
    String line =
        description + " (" + (net.isReliable() ? "reliable" : "unreliable") + " network)...";
    System.out.println(line);
    title = line;
    begun = true;
    t0 = clock.nanoTime();
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
    double seconds = (clock.nanoTime() - (begun ? t0 : start)) / 1e9;
    int npeers = group(GRP0).n();
    int nrpc = rpcTotal() - rpcs0;
    System.out.printf(
        "  ... Passed --  time %4.1fs #peers %d #RPCs %5d #Ops %4d%n",
        seconds, npeers, nrpc, ops.get());
  }

  public String title() {
    return title;
  }

  /** Whether {@link #begin} was called (tests of the tester never call it). */
  public boolean begun() {
    return begun;
  }

  /** Fails if more than 120 s passed since the Config was made (Go's CheckTimeout). */
  public void checkTimeout() {
    if (clock.nanoTime() - start > TimeUnit.SECONDS.toNanos(TEST_LIMIT_SECONDS)) {
      throw new TestFailure("test took longer than " + TEST_LIMIT_SECONDS + " seconds");
    }
  }

  // ---- failing -------------------------------------------------------------------------------

  /**
   * Fails the test with a Go-style message; use as {@code throw ts.fatalf(...)} where the compiler
   * needs to know that the method does not return.
   */
  public TestFailure fatalf(String format, Object... args) {
    String msg = String.format(format, args);
    events.failure(msg);
    throw new TestFailure(msg);
  }

  /** Fails the test from any thread; the test thread stops at its next sleep or check. */
  public void fail(String message, String details) {
    failures.fail(message, details);
  }

  /** Throws the failure another thread recorded, if any. Checkers call it. */
  public void checkFailure() {
    failures.check();
  }

  TestFailure asyncFailure() {
    return failures.recorded();
  }

  /**
   * For the tester's own tests, which provoke failures on purpose: forgets the failure another
   * thread recorded, so that the test can pass once it has checked it.
   */
  public void acknowledgeFailure() {
    failures.acknowledge();
  }

  /** The failure to throw when the test thread is interrupted. */
  public TestFailure interrupted() {
    return failures.whenInterrupted();
  }

  // ---- time and tester threads ---------------------------------------------------------------

  /**
   * For the tester's own tests, which drive checkers against mocked peers: scales every sleep of
   * the tester ({@code 0} = do not sleep at all), so that a checker's ten rounds take no time.
   */
  public void setTimeScale(double scale) {
    this.timeScale = scale;
  }

  /** How long a call into student code may take (see {@link Guard}); this test only. */
  public long callLimitMs() {
    return callLimitMs;
  }

  /** For the tester's own tests: a shorter limit for calls into student code, this test only. */
  public void setCallLimitMs(long ms) {
    this.callLimitMs = ms;
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
    Thread t =
        new Thread(
            () -> {
              try {
                body.run();
              } catch (TestEnded e) {
                // The test is over and this thread was left behind (an abandoned controller):
                // its clerk's next call ended it.
              } catch (TestFailure tf) {
                if (!ended) {
                  fail(tf.getMessage(), tf.details());
                }
              } catch (Throwable e) {
                if (!ended) {
                  fail("tester thread " + name + " threw " + e, Failures.stackOf(e));
                }
              }
            },
            "tester-" + name);
    t.setDaemon(true);
    synchronized (testerThreads) {
      testerThreads.add(t);
    }
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

  // ---- timeline ------------------------------------------------------------------------------

  /**
   * Writes this test's timeline (see {@link Timeline}) into {@code -Draftlab.artifacts} (default
   * {@code target/timelines}) and says where; returns the path, or null if it could not.
   */
  Path writeTimeline(String testName, String failure) {
    String dir = System.getProperty("raftlab.artifacts", "target/timelines");
    String prefix = System.getProperty("raftlab.artifactPrefix", testName + "-" + seed());
    Path file = Path.of(dir, prefix + ".html").toAbsolutePath();
    try {
      Timeline.write(
          file,
          title.isEmpty() ? testName : title,
          failure,
          seed(),
          lanes(),
          events.events(),
          events.marks(events.now()),
          events.now());
      System.out.println("info: wrote timeline to " + file);
      return file;
    } catch (IOException | RuntimeException e) {
      System.out.println("info: could not write the timeline: " + e);
      return null;
    }
  }

  /** A lane per server of every group the test made, in group order. */
  private synchronized List<Timeline.Lane> lanes() {
    List<Timeline.Lane> out = new ArrayList<>();
    for (Map.Entry<Integer, Integer> g : groupSizes.entrySet()) {
      for (int i = 0; i < g.getValue(); i++) {
        out.add(new Timeline.Lane(g.getKey(), i));
      }
    }
    return out;
  }

  // ---- cleanup -------------------------------------------------------------------------------

  /**
   * Ends the test (called by {@link TesterExtension}): kills every server, shuts the network, and
   * reports threads that killed servers left running. Subclasses may first stop their own work.
   */
  protected void cleanup() {
    ended = true;
    try {
      List<StateSampler> running;
      synchronized (this) {
        sampling = false;
        running = new ArrayList<>(samplers.values());
        samplers.clear();
      }
      running.forEach(StateSampler::stop);
      clnts.cleanup();
      stopTesterThreads();
      synchronized (this) {
        for (ServerGrp sg : groups.values()) {
          sg.cleanup();
        }
      }
    } finally {
      net.cleanup();
      events.tester("cleanup");
      Debug.endTest();
      Annotate.endTest();
    }
    String leaked = LeakedThreads.report(threadsBefore);
    if (leaked != null) {
      System.out.print(leaked);
    }
  }

  /**
   * Stops what the test left running on tester threads (Go lets those goroutines leak into the next
   * test): their connections are closed, so a clerk's next call throws {@link TestEnded}; a
   * sleeping thread is interrupted. Waits up to 5 s for them, then names any that still run.
   */
  private void stopTesterThreads() {
    List<Thread> left;
    synchronized (testerThreads) {
      left = new ArrayList<>(testerThreads);
      testerThreads.clear();
    }
    left.removeIf(t -> !t.isAlive());
    left.forEach(Thread::interrupt);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    for (Thread t : left) {
      try {
        t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      if (t.isAlive()) {
        System.out.println(
            "warning: tester thread "
                + t.getName()
                + " still runs 5 s after the test ended (a clerk or controller that no longer"
                + " calls any server?)");
      }
    }
  }

  // ---- helpers -------------------------------------------------------------------------------

  /** A random string of {@code n} characters drawn from the test's seeded random numbers. */
  public String randstringSeeded(int n) {
    return random.string(n);
  }
}
