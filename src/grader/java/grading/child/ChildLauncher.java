package grading.child;

import grading.verdict.RunKey;
import grading.verdict.VerdictFile;
import grading.verdict.VerdictRecord;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Starts a child JVM ({@link ChildMain}) that runs tests, and watches it: hands it the run's key,
 * copies its output through an {@link OutputPump}, kills it at the time limit, when it prints too
 * much, or when it lingers after its last verdict, and reads its signed records. Every grader that
 * runs tests in another JVM (submission grading, the repeat runner, the variant check, the skeleton
 * check) starts it here.
 *
 * <p>With a {@code workRoot} (submission grading) the child is sandboxed as far as a JVM can be
 * without the operating system's help: it starts in an empty folder of its own, with an environment
 * that holds nothing but {@code PATH} and the locale, and with the tests' classes ahead of the
 * submission's on its classpath (a submitted class cannot stand in for one of the tester's), and
 * with the JDK modules and the verdict module of {@link ChildModules}. Without one (the repeat
 * runner, the instructor's own checks) it inherits the folder and environment, and has the whole
 * JDK (the thread reports' lock and deadlock details need java.management).
 */
public final class ChildLauncher {
  /** How long a child may run on after writing its last verdict. */
  static final long LINGER_SECONDS = 5;

  /** The children running now, so that a grader stopped by Ctrl-C can stop them too. */
  private static final java.util.Set<Process> LIVE =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  private final ChildLimits limits;
  private final Path workRoot;
  private final ReferenceFilter filter;

  public ChildLauncher(ChildLimits limits, Path workRoot, ReferenceFilter filter) {
    this.limits = limits;
    this.workRoot = workRoot;
    this.filter = filter;
  }

  public ChildLimits limits() {
    return limits;
  }

  /**
   * Runs {@code ChildMain childArgs} with {@code jvmOptions}, echoing its output to {@code out},
   * for at most {@code limitSeconds}; {@code expectedVerdicts} verdicts end it early.
   */
  public ChildRun run(
      List<String> jvmOptions,
      List<String> childArgs,
      PrintStream out,
      long limitSeconds,
      int expectedVerdicts)
      throws IOException, InterruptedException {
    Path scratch = workRoot != null ? workRoot : Files.createTempDirectory("raftlab-child");
    String id = UUID.randomUUID().toString();
    Path verdictDir = Files.createDirectories(scratch.resolve("verdicts"));
    Path results = Files.createFile(verdictDir.resolve(id + ".records"));
    RunKey key = RunKey.random();

    // A graded child also gets the verdict channel in a module of its own, and a cut-down JDK.
    Path modules = scratch.resolve("modules").resolve(id);
    Path verdictJar = workRoot != null ? VerdictModule.build(modules) : null;
    ProcessBuilder pb = new ProcessBuilder(command(jvmOptions, childArgs, verdictJar));
    pb.redirectErrorStream(true);
    if (workRoot != null) {
      Path cwd = Files.createDirectories(workRoot.resolve("tests").resolve(id));
      pb.directory(cwd.toFile());
      scrub(pb.environment(), cwd);
    }
    long t0 = System.nanoTime();
    Process p = pb.start();
    LIVE.add(p);
    try (OutputStream stdin = p.getOutputStream()) {
      stdin.write(
          (key.hex() + "\n" + results.toAbsolutePath() + "\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // the child died at once; its ending says how
    }
    OutputPump pump =
        new OutputPump(p.getInputStream(), out, filter, limits.outputBytes(), p::destroyForcibly);
    pump.start();

    long deadline = t0 + TimeUnit.SECONDS.toNanos(limitSeconds);
    long lingerDeadline = Long.MAX_VALUE;
    boolean timedOut = false;
    boolean lingered = false;
    while (!p.waitFor(200, TimeUnit.MILLISECONDS)) {
      long now = System.nanoTime();
      if (lingerDeadline == Long.MAX_VALUE
          && expectedVerdicts > 0
          && finishedCount(results, key) >= expectedVerdicts) {
        lingerDeadline = now + TimeUnit.SECONDS.toNanos(LINGER_SECONDS);
      }
      if (now > lingerDeadline) {
        lingered = true;
        break;
      }
      if (now > deadline) {
        timedOut = true;
        break;
      }
    }
    if (p.isAlive()) {
      p.destroyForcibly();
    }
    p.waitFor();
    LIVE.remove(p);
    pump.join(5000);
    double seconds = (System.nanoTime() - t0) / 1e9;
    VerdictFile verdicts = VerdictFile.read(results, key);
    if (verdictJar != null) {
      Files.deleteIfExists(verdictJar);
      Files.deleteIfExists(modules);
      Files.deleteIfExists(modules.getParent());
    }
    if (workRoot == null) {
      Files.deleteIfExists(results);
      Files.deleteIfExists(verdictDir);
      Files.deleteIfExists(scratch);
    }
    return new ChildRun(
        verdicts, p.exitValue(), timedOut, pump.overflowed(), lingered, seconds, pump.transcript());
  }

  /** Kills every child that is running (the grader is being stopped). */
  public static void stopAll() {
    LIVE.forEach(Process::destroyForcibly);
  }

  private static long finishedCount(Path results, RunKey key) {
    return VerdictFile.read(results, key).records().stream()
        .filter(r -> r.kind() == VerdictRecord.Kind.FINISHED)
        .count();
  }

  private List<String> command(List<String> jvmOptions, List<String> childArgs, Path verdictJar) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmOptions);
    cmd.addAll(limits.jvmOptions());
    if (workRoot != null) {
      cmd.addAll(ChildModules.jvmOptions(verdictJar));
    }
    cmd.add("-cp");
    cmd.add(testsFirst(System.getProperty("java.class.path")));
    cmd.add(ChildMain.class.getName());
    cmd.addAll(childArgs);
    return cmd;
  }

  /** The classpath with the compiled tests ahead of everything else. */
  static String testsFirst(String classpath) {
    List<String> tests = new ArrayList<>();
    List<String> rest = new ArrayList<>();
    for (String e : classpath.split(File.pathSeparator)) {
      (e.replace('\\', '/').replaceAll("/+$", "").endsWith("test-classes") ? tests : rest).add(e);
    }
    tests.addAll(rest);
    return String.join(File.pathSeparator, tests);
  }

  /** An environment that tells the child nothing about the grader's machine or its user. */
  private static void scrub(Map<String, String> env, Path cwd) {
    Map<String, String> keep = new java.util.HashMap<>();
    for (String name : List.of("PATH", "LANG", "LC_ALL", "TZ")) {
      if (env.get(name) != null) {
        keep.put(name, env.get(name));
      }
    }
    env.clear();
    env.putAll(keep);
    env.put("HOME", cwd.toString());
    env.put("TMPDIR", cwd.toString());
  }
}
