package grading;

import grading.child.ChildLauncher;
import grading.child.ChildLimits;
import grading.child.ChildRun;
import grading.child.Judgement;
import grading.child.ReferenceFilter;
import grading.verdict.VerdictRecord;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The repeat runner behind {@code ./grade.sh -n N -p P}: runs each selected test N times, P runs at
 * a time, each run in a JVM of its own, and keeps the output (log, seed, timeline) of the failed
 * runs only. Raft bugs show up once in a hundred runs; this is how to find them.
 *
 * <p>While it runs, one line shows the progress; at the end (or on Ctrl-C) a table gives, per test,
 * the runs, the failures and the mean and spread of the time (including about a second of JVM
 * start), and the folder holding the failed runs' files. Exit status 0 if no run failed.
 */
public final class Repeat {
  /** A run that takes longer than this is killed and counted as failed (hung). */
  private static final long RUN_LIMIT_SECONDS = 150;

  private final int runs;
  private final int parallel;
  private final List<String> jvmOptions;
  private final Path outDir;
  private final Map<String, Stats> stats = new LinkedHashMap<>();
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final long start = System.nanoTime();
  private final int total;
  private final boolean console = System.console() != null;

  /** Per-test figures. */
  private static final class Stats {
    int runs;
    int failures;
    double sum;
    double sumSquares;
    final List<String> failedLogs = new ArrayList<>();

    synchronized void add(double seconds, boolean ok, String log) {
      runs++;
      sum += seconds;
      sumSquares += seconds * seconds;
      if (!ok) {
        failures++;
        failedLogs.add(log);
      }
    }
  }

  private Repeat(List<String> tests, int runs, int parallel, List<String> jvmOptions, Path outDir) {
    this.runs = runs;
    this.parallel = parallel;
    this.jvmOptions = jvmOptions;
    this.outDir = outDir;
    for (String t : tests) {
      stats.put(t, new Stats());
    }
    this.total = tests.size() * runs;
  }

  /** What {@link #repeat} runs: the tests, how often, how many at a time, each JVM's options. */
  public record Options(Selection selection, int runs, int parallel, List<String> jvmOptions) {}

  /**
   * Runs the selected tests {@code runs} times each; returns the exit status (0: no run failed).
   */
  public static int repeat(Options options) throws IOException, InterruptedException {
    int runs = options.runs();
    int parallel = options.parallel();
    List<String> jvm = options.jvmOptions();
    List<String> tests = options.selection().discover().stream().map(Grade::nameOf).toList();
    if (tests.isEmpty()) {
      System.err.println("repeat: no test matches " + options.selection().describe());
      return 2;
    }
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    Path outDir = Path.of("target", "repeat", stamp).toAbsolutePath();
    Files.createDirectories(outDir);
    Repeat r = new Repeat(tests, runs, parallel, jvm, outDir);
    return r.runAll();
  }

  private int runAll() throws InterruptedException {
    Runtime.getRuntime().addShutdownHook(new Thread(this::onInterrupt, "tester-repeat-hook"));
    System.out.printf(
        "Running %d test(s) %d times each, %d at a time; failed runs are kept in%n" + "  %s%n",
        stats.size(), runs, parallel, outDir);
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    // Round-robin over the tests, so that every test has some runs early on.
    for (int run = 1; run <= runs; run++) {
      for (String test : stats.keySet()) {
        int n = run;
        pool.execute(() -> runOnce(test, n));
      }
    }
    pool.shutdown();
    while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
      if (console) {
        progress(); // keep the elapsed time ticking on a terminal
      }
    }
    if (console) {
      progress();
      System.out.println();
    }
    printTable();
    stopping.set(true);
    return failed.get() == 0 ? 0 : 1;
  }

  private void runOnce(String test, int n) {
    if (stopping.get()) {
      return;
    }
    Path log = outDir.resolve(test + "-" + n + ".log");
    List<String> jvm = new ArrayList<>(jvmOptions);
    jvm.add("-Draftlab.artifacts=" + outDir);
    jvm.add("-Draftlab.artifactPrefix=" + test + "-" + n);
    long t0 = System.nanoTime();
    boolean ok;
    // The child reports through the signed verdict channel: its exit status and what it prints
    // decide nothing. Its output may be long (-v), so the output limit is high here.
    ChildLimits limits = ChildLimits.fromEnvironment();
    limits = new ChildLimits(limits.heapMb(), limits.maxThreads(), 256 * 1024, RUN_LIMIT_SECONDS);
    ChildLauncher launcher = new ChildLauncher(limits, null, ReferenceFilter.NONE);
    try (PrintStream out =
        new PrintStream(Files.newOutputStream(log), true, StandardCharsets.UTF_8)) {
      ChildRun run = launcher.run(jvm, List.of("--test", test), out, RUN_LIMIT_SECONDS, 1);
      Grade.Result r = Judgement.of(test, 0, run, limits);
      ok = r.passed();
      if (!ok && run.verdicts().of(test, VerdictRecord.Kind.FINISHED).isEmpty()) {
        out.println("\nrepeat: " + r.message());
      }
    } catch (IOException | InterruptedException e) {
      ok = false;
    }
    if (stopping.get()) {
      return; // interrupted by Ctrl-C: this run does not count
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (ok) {
      deleteQuietly(log);
    } else {
      failed.incrementAndGet();
    }
    stats.get(test).add(seconds, ok, log.getFileName().toString());
    done.incrementAndGet();
    progress();
  }

  /** One line, rewritten in place on a terminal; a line per finished run into a file or pipe. */
  private synchronized void progress() {
    long s = (System.nanoTime() - start) / 1_000_000_000L;
    System.out.printf(
        "%s[ %d/%d runs | %d failed | %dm%02ds ]%s",
        console ? "\r" : "", done.get(), total, failed.get(), s / 60, s % 60, console ? "" : "\n");
    System.out.flush();
  }

  private synchronized void printTable() {
    int width = Math.max(24, stats.keySet().stream().mapToInt(String::length).max().orElse(0));
    System.out.printf(
        "%-" + width + "s  %5s  %6s  %14s%n", "test", "runs", "failed", "time (mean±sd)");
    for (Map.Entry<String, Stats> e : stats.entrySet()) {
      Stats st = e.getValue();
      synchronized (st) {
        double mean = st.runs == 0 ? 0 : st.sum / st.runs;
        double var = st.runs == 0 ? 0 : Math.max(0, st.sumSquares / st.runs - mean * mean);
        System.out.printf(
            "%-" + width + "s  %5d  %6d  %7.1fs ±%4.1f%n",
            e.getKey(),
            st.runs,
            st.failures,
            mean,
            Math.sqrt(var));
      }
    }
    int f = failed.get();
    if (f > 0) {
      System.out.println("\nFailed runs (log, and timeline if written) are in " + outDir + ":");
      for (Map.Entry<String, Stats> e : stats.entrySet()) {
        for (String log : e.getValue().failedLogs) {
          System.out.println("  " + log);
        }
      }
    } else {
      deleteQuietly(outDir);
    }
    System.out.printf("%d passed, %d failed%n", done.get() - f, f);
    System.out.flush();
  }

  /** Ctrl-C: stop the running JVMs and still print the table of what finished. */
  private void onInterrupt() {
    if (stopping.getAndSet(true)) {
      return; // normal exit
    }
    ChildLauncher.stopAll();
    System.out.println("\ninterrupted: stopping; the table counts the runs that finished");
    printTable();
  }

  private static void deleteQuietly(Path p) {
    File f = p.toFile();
    if (f.isDirectory()) {
      File[] children = f.listFiles();
      if (children != null && children.length > 0) {
        return; // keep a folder that holds something
      }
    }
    f.delete();
  }
}
