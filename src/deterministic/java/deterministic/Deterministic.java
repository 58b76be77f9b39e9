package deterministic;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Deterministic mode (experimental): runs lab tests under Fray, one thread at a time, in virtual
 * time, so that a seed fixes everything that can differ between two runs, thread timing included.
 * The same seed gives the same run: the same output and the same event log, line for line. Never
 * part of grading.
 *
 * <pre>
 * deterministic.Deterministic [options] [PART ...]
 *   --seed S        replay: run each selected test once under seed S (default: a random seed,
 *                   printed). With --explore: the seed the schedules' seeds are drawn from.
 *   --explore N     explore: run the one selected test under N schedules, each with its own
 *                   seed, and stop at the first failure, printing the seed that replays it
 *   -t, --test NAME only this test (testReElection3A, TestReElection3A or ReElection3A)
 *   --scheduler S   pos (default), random or pct: how Fray picks the next thread. fray-pos:
 *                   Fray's own POS class, which pos mirrors (see PosScheduler): the same runs,
 *                   slower; a check that the mirror still is one
 *   --time-step NS  nanoseconds the virtual clock advances on each read (default 1000;
 *                   Fray's own default)
 *   --latency MS    a request takes 0 to MS ms (seeded) to reach its server (default: MS is
 *                   drawn from the seed too, 0 to 20, so that exploring varies it)
 *   --quiet         do not print the event log of a replay (its digest and file are printed)
 *   --list          print the names of the selected tests, one a line, and run nothing
 *   --twice         replay each selected test twice, each time in a JVM of its own, and fail
 *                   unless both runs pass with the same event log (what CI checks)
 *   --trace-clock   write every read of the virtual clock (thread and frames) to a file: two
 *                   traces of one seed, diffed, show where two runs part (see ClockTrace)
 *   --out DIR       where the event logs go (default target/deterministic/logs)
 * </pre>
 *
 * <p>Launch it with Fray's instrumented JDK, its agent and its native library, and the test
 * classpath of the {@code deterministic} Maven profile: {@code tools/deterministic.sh} does all of
 * that. Every folder on the classpath (the code under test, the tester, the tests) is loaded afresh
 * for each schedule; jars are shared.
 *
 * <p>Exit status: 0 if every run passed, 1 if one failed, 2 for a usage error.
 */
public final class Deterministic {
  /**
   * How long, at most, a request takes to reach its server (ms): unless {@code --latency} says, a
   * bound drawn from the run's seed, 0 to this; each request then waits a seeded 0 to the bound. In
   * virtual time a request otherwise arrives the instant it is sent, which real threads never do;
   * with no message ever in flight, races such as two candidates asking one voter in the same term
   * cannot happen. Drawing the bound from the seed makes exploration choose message delays as well
   * as thread orders (some schedules keep messages in flight for up to 20 ms, some not at all), and
   * the seed alone still names the run.
   */
  static final int MAX_LATENCY_MS = 20;

  /**
   * The tester samples every peer's term and role every 50 ms, for the election-safety monitor; in
   * virtual time a sample costs no wall time, so every millisecond: two leaders of one term that
   * last only until the first heartbeat between them are seen.
   */
  static final long SAMPLER_PERIOD_MS = 1;

  // The sampler also asks the peers on its own thread (raftlab.samplerInline): see StateSampler.

  private Deterministic() {}

  public static void main(String[] argv) throws IOException, InterruptedException {
    Long seed = null;
    int explore = 0;
    List<String> names = new ArrayList<>();
    List<String> parts = new ArrayList<>();
    String scheduler = "pos";
    long timeStep = 1_000;
    Integer latency = null; // drawn from each run's seed
    boolean quiet = false;
    boolean list = false;
    boolean twice = false;
    String testClass = null;
    boolean traceClock = false;
    Path out = Path.of("target", "deterministic", "logs");
    for (int i = 0; i < argv.length; i++) {
      switch (argv[i]) {
        case "--seed" -> seed = Long.parseLong(argv[++i]);
        case "--explore" -> explore = Integer.parseInt(argv[++i]);
        case "-t", "--test" -> names.add(argv[++i]);
        case "--scheduler" -> scheduler = argv[++i];
        case "--time-step" -> timeStep = Long.parseLong(argv[++i]);
        case "--latency" -> latency = Integer.parseInt(argv[++i]);
        case "--quiet" -> quiet = true;
        case "--list" -> list = true;
        case "--twice" -> twice = true;
        case "--class" -> testClass = argv[++i]; // internal: see childCommand
        case "--trace-clock" -> traceClock = true;
        case "--out" -> out = Path.of(argv[++i]);
        default -> {
          if (argv[i].startsWith("-")) {
            usage("unknown option " + argv[i]);
          }
          parts.add(argv[i].toUpperCase(Locale.ROOT));
        }
      }
    }
    if (!List.of("pos", "fray-pos", "random", "pct").contains(scheduler)) {
      usage("unknown scheduler " + scheduler + " (pos, random, pct, fray-pos)");
    }
    // Every schedule runs in a JVM started for it, told the test's class (--class), which then does
    // no discovery: JUnit's discovery leaves the JDK in another state (classes loaded, tables
    // filled), and a schedule run after it differs from one run without it. So a replay, a run
    // of --twice and a schedule of --explore all start alike, and a seed gives one run in all.
    List<String[]> tests =
        testClass != null && names.size() == 1
            ? List.<String[]>of(new String[] {testClass, names.get(0)})
            : discover(parts, names);
    if (tests.isEmpty()) {
      usage("no test matches " + (names.isEmpty() ? parts : names));
    }
    if (list) {
      tests.forEach(t -> System.out.println(t[1]));
      exit(true);
    }
    if (explore > 0 && tests.size() != 1) {
      usage("--explore needs exactly one test (-t NAME); " + tests.size() + " are selected");
    }
    long base = seed != null ? seed : new SecureRandom().nextLong() >>> 2;
    System.setProperty("raftlab.samplerPeriodMs", Long.toString(SAMPLER_PERIOD_MS));
    System.setProperty("raftlab.samplerInline", "true");
    System.setProperty("raftlab.seededNames", "true"); // see tester.TestRandom
    boolean ok;
    if (explore > 0) {
      ok = explore(tests.get(0), base, explore, out, scheduler, timeStep, latency);
    } else if (twice) {
      ok = replayTwice(tests, base, out, scheduler, timeStep, latency);
    } else if (testClass == null) {
      ok = replayEach(tests, base, out, scheduler, timeStep, latency, quiet, traceClock);
    } else {
      VirtualClock.install(traceClock);
      if (!Boolean.getBoolean("deterministic.fullWalks")) { // to measure what the index saves
        IndexedWalks.install();
      }
      Schedule schedule =
          new Schedule(foldersOnClasspath(), scheduler, timeStep, out.resolve("fray"));
      int bound = latency != null ? latency : latencyOf(base);
      System.setProperty("raftlab.latencyMs", Integer.toString(bound));
      ok = replayOne(schedule, tests.get(0), base, bound, out, scheduler, quiet, traceClock);
    }
    exit(ok);
  }

  /**
   * Ends the JVM at once: threads a student's Raft leaves running must not keep it alive. halt, not
   * exit: Fray's agent rewrites System.exit in application code, and the status was lost.
   */
  private static void exit(boolean ok) {
    System.out.flush();
    System.err.flush();
    Runtime.getRuntime().halt(ok ? 0 : 1);
  }

  /**
   * Runs one test under {@code seed}; prints its event log (or its digest) and ends the JVM the
   * moment the test's verdict is known.
   *
   * <p>Why end the JVM there rather than let the schedule end: after the test body returns, Fray
   * winds the schedule down by stopping every thread the test left behind, one scheduled step at a
   * time, each step walking every thread of the run. A peer cut off for a while leaves dozens of
   * RPC threads waiting out labrpc's long delays, and winding them down took far longer than the
   * test (testReElection3A: the test 6 s of wall time, the wind-down more than 50 s;
   * testManyElections3A: minutes). Nothing of the test happens in the wind-down: the verdict and
   * the event log are complete before it, as in a real-time run, where the JVM moves on to the next
   * test. So returns only if the schedule ended before the verdict (Fray stopped it: a deadlock, an
   * exception).
   */
  private static boolean replayOne(
      Schedule schedule,
      String[] t,
      long seed,
      int latency,
      Path out,
      String scheduler,
      boolean quiet,
      boolean traceClock)
      throws IOException {
    Path log = out.resolve(t[1] + "-" + seed + ".log");
    System.out.printf(
        "deterministic: %s, seed %d, scheduler %s, latency 0-%d ms%n",
        t[1], seed, scheduler, latency);
    Schedule.Outcome o =
        schedule.run(
            seed,
            t[0],
            t[1],
            log,
            atVerdict -> report(t, atVerdict, log, seed, out, quiet, traceClock));
    // Only if Fray ended the schedule before the test's verdict.
    report(t, o, log, seed, out, quiet, traceClock);
    return false; // not reached
  }

  /** Prints a replay's outcome and event log, and ends the JVM. */
  private static void report(
      String[] t,
      Schedule.Outcome o,
      Path log,
      long seed,
      Path out,
      boolean quiet,
      boolean traceClock) {
    try {
      if (!quiet && Files.exists(log)) {
        System.out.print(Files.readString(log));
      }
      System.out.printf(
          "deterministic: %s %s; event log: %s (sha-256 %s)%n",
          t[1], o.passed() ? "passed" : "failed: " + o.describe(), log, digest(log));
      if (!o.cost().isEmpty()) {
        System.out.println("deterministic: Fray's work: " + o.cost());
      }
      if (traceClock) {
        Path trace = out.resolve("clock-trace-" + seed + ".txt");
        ClockTrace.write(trace);
        System.out.println("deterministic: every read of the virtual clock: " + trace);
      }
    } catch (IOException e) {
      System.out.println("deterministic: " + t[1] + " failed: cannot write its report: " + e);
      exit(false);
    }
    exit(o.passed());
  }

  /**
   * Runs each test under {@code seed} in a JVM of its own (see {@link #replayOne}), one after the
   * other; true if every one passed. A replay of one test is this too: every schedule starts in a
   * fresh JVM the same way (see main).
   */
  private static boolean replayEach(
      List<String[]> tests,
      long seed,
      Path out,
      String scheduler,
      long timeStep,
      Integer latency,
      boolean quiet,
      boolean traceClock)
      throws IOException, InterruptedException {
    boolean allPassed = true;
    for (String[] t : tests) {
      List<String> cmd = childCommand(seed, t, scheduler, timeStep, latency, out);
      if (quiet) {
        cmd.add("--quiet");
      }
      if (traceClock) {
        cmd.add("--trace-clock");
      }
      allPassed &= new ProcessBuilder(cmd).inheritIO().start().waitFor() == 0;
    }
    return allPassed;
  }

  /**
   * Replays each test twice under {@code seed}, each run in a JVM of its own; true if every run
   * passed and the two event logs of each test are the same, byte for byte.
   */
  private static boolean replayTwice(
      List<String[]> tests, long seed, Path out, String scheduler, long timeStep, Integer latency)
      throws IOException, InterruptedException {
    boolean allSame = true;
    for (String[] t : tests) {
      String[] digests = new String[2];
      for (int run = 0; run < 2; run++) {
        long started = System.nanoTime();
        String verdict = runAlone(seed, t, scheduler, timeStep, latency, out);
        double wall = (System.nanoTime() - started) / 1e9;
        Matcher m = DIGEST.matcher(verdict);
        digests[run] = verdict.startsWith("passed") && m.find() ? m.group(1) : null;
        System.out.printf(
            "deterministic: %s, seed %d, run %d of 2: %s (%.1f s)%n",
            t[1], seed, run + 1, verdict, wall);
      }
      boolean same = digests[0] != null && digests[0].equals(digests[1]);
      allSame &= same;
      System.out.printf(
          "deterministic: %s: %s%n",
          t[1],
          same
              ? "replays exactly (the same event log twice)"
              : digests[0] == null || digests[1] == null
                  ? "FAILED (a run did not pass)"
                  : "FAILED: two runs of one seed wrote different event logs (compare them, or"
                      + " run both with --trace-clock and diff the traces)");
    }
    return allSame;
  }

  private static final Pattern DIGEST = Pattern.compile("sha-256 ([0-9a-f]+)");

  /**
   * Runs one test under up to {@code n} schedules, each seeded by the next number drawn from {@code
   * base}; stops at the first failure and prints how to replay it.
   *
   * <p>Each schedule runs in a JVM of its own, started as this one was. In one JVM, later schedules
   * inherit what earlier ones leave behind in the JDK (thread ids, the registry of thread pools,
   * class-loader caches): a seed found there would not replay the same run in a fresh JVM, which is
   * what {@code --seed} gives. A fresh JVM costs 2 to 5 seconds per schedule.
   */
  private static boolean explore(
      String[] t, long base, int n, Path out, String scheduler, long timeStep, Integer latency)
      throws IOException, InterruptedException {
    SplittableRandom seeds = new SplittableRandom(base);
    System.out.printf(
        "deterministic: exploring %s under %d schedules (scheduler %s, seeds drawn from %d)%n",
        t[1], n, scheduler, base);
    long started = System.nanoTime();
    for (int i = 1; i <= n; i++) {
      long seed = seeds.nextLong() >>> 2;
      String verdict = runAlone(seed, t, scheduler, timeStep, latency, out);
      System.out.printf("deterministic: schedule %d of %d, seed %d: %s%n", i, n, seed, verdict);
      if (!verdict.startsWith("passed")) {
        System.out.printf(
            "deterministic: replay it with: %s --seed %d%s -t %s%n",
            System.getenv().getOrDefault("DETERMINISTIC_REPLAY", "tools/deterministic.sh"),
            seed,
            ("pos".equals(scheduler) ? "" : " --scheduler " + scheduler)
                + (latency == null ? "" : " --latency " + latency),
            t[1]);
        return false;
      }
    }
    System.out.printf(
        "deterministic: all %d schedules passed (%.1f s)%n",
        n, (System.nanoTime() - started) / 1e9);
    return true;
  }

  /**
   * Runs {@code test} under {@code seed} in a fresh JVM with this JVM's options and classpath;
   * returns its verdict line ("passed; event log: ..." or "failed: ...").
   */
  private static String runAlone(
      long seed, String[] test, String scheduler, long timeStep, Integer latency, Path out)
      throws IOException, InterruptedException {
    List<String> cmd = childCommand(seed, test, scheduler, timeStep, latency, out);
    cmd.add("--quiet");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int status = p.waitFor();
    String prefix = "deterministic: " + test[1] + " ";
    for (String line : output.split("\n")) {
      if (line.startsWith(prefix)) {
        return line.substring(prefix.length());
      }
    }
    return "failed: the JVM of this schedule ended with status "
        + status
        + " and no verdict; its output:\n"
        + output;
  }

  /** The latency bound of a run whose seed is {@code seed} and whose command names none. */
  static int latencyOf(long seed) {
    return new SplittableRandom(seed ^ 0x6C6174656E6379L).nextInt(MAX_LATENCY_MS + 1);
  }

  /** The command that replays {@code test} under {@code seed} in a JVM like this one. */
  private static List<String> childCommand(
      long seed, String[] test, String scheduler, long timeStep, Integer latency, Path out) {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path")));
    cmd.add(Deterministic.class.getName());
    cmd.addAll(
        List.of(
            "--seed",
            Long.toString(seed),
            "-t",
            test[1],
            "--class",
            test[0],
            "--scheduler",
            scheduler,
            "--time-step",
            Long.toString(timeStep),
            "--out",
            out.toString()));
    if (latency != null) {
      cmd.addAll(List.of("--latency", latency.toString()));
    }
    return cmd;
  }

  /** The lab tests of {@code parts} (all parts if none), named in {@code names} if any. */
  static List<String[]> discover(List<String> parts, List<String> names) {
    List<String> tags = parts.isEmpty() ? List.of("3A", "3B", "3C", "3D", "4A", "4B", "4C") : parts;
    TestPlan plan =
        LauncherFactory.create()
            .discover(
                LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectPackage("raft"), selectPackage("kvraft"))
                    .filters(TagFilter.includeTags(tags))
                    .build());
    List<String[]> out = new ArrayList<>();
    for (TestIdentifier root : plan.getRoots()) {
      collect(plan, root, names, out);
    }
    return out;
  }

  private static void collect(
      TestPlan plan, TestIdentifier id, List<String> names, List<String[]> out) {
    if (id.isTest()
        && id.getSource().orElse(null) instanceof MethodSource ms
        && (names.isEmpty() || names.stream().anyMatch(n -> sameTest(n, ms.getMethodName())))) {
      out.add(new String[] {ms.getClassName(), ms.getMethodName()});
    }
    for (TestIdentifier child : plan.getChildren(id)) {
      collect(plan, child, names, out);
    }
  }

  /** testReElection3A, TestReElection3A and ReElection3A all name one test. */
  private static boolean sameTest(String name, String method) {
    return canonical(name).equals(canonical(method));
  }

  private static String canonical(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.startsWith("test") ? n.substring(4) : n;
  }

  private static List<Path> foldersOnClasspath() {
    List<Path> dirs = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(entry);
      if (Files.isDirectory(p)) {
        dirs.add(p.toAbsolutePath());
      }
    }
    return dirs;
  }

  private static String digest(Path file) throws IOException {
    if (!Files.exists(file)) {
      return "none";
    }
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void usage(String problem) {
    System.err.println("deterministic: " + problem);
    Runtime.getRuntime().halt(2);
  }
}
