package cli;

import grading.Grade;
import grading.Isolated;
import grading.Repeat;
import grading.Selection;
import grading.child.ReferenceFilter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import labs.Registry;

/**
 * The command line of raftlab: {@code ./grade.sh} (and {@code grade.cmd} on Windows) start this
 * class through {@link Bootstrap}. One parser (Apache Commons CLI, see {@link Request}), one {@code
 * --help}, one set of checks, and the subcommands {@code logcols} (and, for scripts, {@code parts},
 * {@code assemble} and {@code bench}).
 *
 * <p>A run first makes sure the code it tests is built, as cheaply as it can ({@link
 * ChangeDetector}): nothing when nothing changed, javac on the student's packages when only they
 * changed ({@link JavacBuild}), Maven when the pom, a test or a given file changed. Then it runs
 * the tests with the runner the options ask for: {@link Grade} (in this JVM), {@link Repeat}
 * ({@code -n}) or {@link Isolated} ({@code --submission}).
 *
 * <p>Exit status: 0 if every test passed, 1 if a test failed or the code does not compile, 2 for a
 * mistake on the command line or in the set-up.
 */
public final class Main {
  /** Each subcommand: its name and its entry, which returns the exit status. */
  interface Subcommand {
    int run(String[] args) throws Exception;
  }

  static final Map<String, Subcommand> SUBCOMMANDS =
      Map.of(
          "logcols", LogColumnsCommand::run,
          "parts", PartsCommand::run,
          "assemble", AssembleCommand::run,
          "bench", args -> instructorTool("cli.LoopBench", "bench", args));

  private final Request request;

  /** The command line as typed: a child JVM gets it again. */
  private final String[] argv;

  private Main(Request request, String[] argv) {
    this.request = request;
    this.argv = argv;
  }

  /** Entry from {@link Bootstrap}: parse, build if needed, run; exits with the status. */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /**
   * Entry of a JVM whose classes are already built (a test JVM of the repeat runner or of
   * submission grading, a child after a Maven build): runs without looking at the sources.
   */
  public static void runPrebuilt(String[] args) {
    System.setProperty("raftlab.prebuilt", "true");
    System.exit(run(args));
  }

  /**
   * Runs the instructor's tool {@code className} ({@code run(String[])}, returning the exit
   * status), which lives in {@code src/instructor/java}: the student handout does not have it.
   */
  static int instructorTool(String className, String name, String[] args) throws Exception {
    Class<?> tool;
    try {
      tool = Class.forName(className);
    } catch (ClassNotFoundException e) {
      throw new UsageError(
          name + " is an instructor's tool, and this tree does not have it (src/instructor/java)");
    }
    try {
      return (int) tool.getDeclaredMethod("run", String[].class).invoke(null, (Object) args);
    } catch (java.lang.reflect.InvocationTargetException e) {
      throw e.getCause() instanceof Exception x ? x : e;
    }
  }

  /** Parses {@code args} and runs them; returns the exit status. */
  static int run(String[] args) {
    Timing.mark("front end started");
    try {
      Workspace here = Workspace.current();
      if (SelfUpdate.needed(here)) {
        return SelfUpdate.rebuildAndRun(here, args, System.err);
      }
      if (args.length > 0 && SUBCOMMANDS.containsKey(args[0])) {
        return SUBCOMMANDS.get(args[0]).run(Arrays.copyOfRange(args, 1, args.length));
      }
      Request request = Request.parse(args);
      Timing.mark("command line parsed");
      if (request.help) {
        printHelp();
        return 0;
      }
      Workspace ws = Workspace.current();
      request.check(ws);
      return new Main(request, args.clone()).call(ws);
    } catch (UsageError e) {
      System.err.println(
          Requirements.launcher()
              + ": "
              + e.getMessage()
              + " (see "
              + Requirements.launcherCommand()
              + " --help)");
      return 2;
    } catch (Exception e) {
      System.err.println(Requirements.launcher() + ": " + e);
      for (StackTraceElement frame : e.getStackTrace()) {
        System.err.println("        at " + frame);
      }
      return 2;
    }
  }

  static void printHelp() {
    String me = Requirements.launcherCommand();
    Request.Available here = Request.Available.in(Workspace.current().root());
    Args.printHelp(
        me
            + " [OPTIONS] [PART...]\n       "
            + me
            + " logcols [-c COLUMNS] [-t TOPIC,...] [-x TOPIC,...] [-w WIDTH] [FILE]",
        "Runs the lab tests and grades them. For each test it prints what `go test` prints,"
            + " then a table of tests and points, and ends with \"N passed, N failed\".\n\n"
            + "It builds first, as little as it can: nothing when nothing changed, only your"
            + " packages ("
            + String.join(", ", Registry.studentPackages())
            + ") with javac when"
            + " only they changed, everything with Maven on the first run or when the pom, a"
            + " test or a given file changed.\n\n"
            + "PART: the parts to run, "
            + String.join(" ", Registry.partNames())
            + " (default: all of them)\n\nOptions:",
        Request.options(here),
        null,
        footer(me, here));
  }

  /** The lines after the options: commands, exit status, examples that work in this tree. */
  private static List<String> footer(String me, Request.Available here) {
    List<String> lines =
        new ArrayList<>(
            List.of(
                "",
                "Commands:",
                "  logcols   the column view of a debug log, a column per server ("
                    + me
                    + " logcols --help)",
                "",
                "Exit status: 0 if every test passed; 1 if a test failed or the code does not compile;"
                    + " 2 for a",
                "mistake on the command line or in the set-up (the message says what to fix).",
                "",
                "Examples:",
                "  " + me + " 3A                              the Lab 3A tests on your code",
                "  " + me + " -t testReElection3A 3A          one test",
                "  " + me + " -n 100 -p 2 3A                  each test 100 times, 2 at a time",
                "  " + me + " -v 3A | tools/logcols -t VOTE,LEAD,TERM     the debug log, by server",
                "  " + me + " --submission DIR --json results.json 3A     grade a submission"));
    if (here.deterministic()) {
      lines.add(
          "  " + me + " --deterministic --seed 42 -t testReElection3A 3A   replay one run exactly");
    }
    return lines;
  }

  private int call(Workspace ws) throws Exception {
    Request r = request;
    if (r.deterministic) {
      return DeterministicMode.run(ws.root(), r);
    }
    if (r.submission != null) {
      return gradeSubmission(ws);
    }
    Target t = r.solution ? Target.solution(ws.root()) : Target.student(ws.root());
    if (ws.mavenBuilt() && r.solution) {
      // The bootstrap built the student's tree: note it, or its next run would build it again.
      Target student = Target.student(ws.root());
      ChangeDetector.record(student, ChangeDetector.scan(student), BuildPlan.MAVEN);
    }
    if (!ws.prebuilt()) {
      Builder.Outcome built = Builder.update(t, ws, System.err);
      if (built == Builder.Outcome.FAILED) {
        return 1;
      }
      if (built == Builder.Outcome.MAVEN_BUILT
          || built == Builder.Outcome.FAST_START_PREPARED
          || !t.build().equals(ws.build())) {
        // This JVM holds the old classes, or another tree's: test in a JVM of the new ones.
        return ChildJvm.runFast(t, argv);
      }
    }
    Timing.mark("built");
    return runTests(ws, null);
  }

  /** Where a submission keeps the student's packages, or null if it holds none. */
  static Path packagesOf(Path dir) {
    for (Path candidate : List.of(dir.resolve("src/main/java"), dir)) {
      for (String pkg : Registry.studentPackages()) {
        if (Files.isDirectory(candidate.resolve(pkg.replace('.', '/')))) {
          return candidate;
        }
      }
    }
    return null;
  }

  /**
   * Builds the submission afresh over a copy of the pristine tree outside this one, then grades it
   * in a JVM of its own that runs in that copy: graded code finds nothing of the instructor's (no
   * {@code solution/}) near it, and its output is filtered of the reference's text.
   */
  private int gradeSubmission(Workspace ws) throws Exception {
    Request r = request;
    Path dir = ws.fromCaller(r.submission).toRealPath();
    if (ws.prebuilt()) {
      return runTests(ws, Target.submission(ws.root(), packagesOf(dir)));
    }
    Path packages = packagesOf(dir);
    GradingTree.refuseLinks(packages, Registry.studentPackages());
    Path logs = ws.root().resolve("target/submissions/" + dir.getFileName());
    FileTrees.delete(logs);
    Files.createDirectories(logs);
    try (GradingTree tree = GradingTree.copyOf(ws.root())) {
      Target t = Target.submission(tree.root(), packages);
      TreeAssembler.assemble(ws.root().resolve("src/main/java"), t.overlay(), t.src());
      String mvn = MavenBuild.mavenOrExit(System.err);
      if (!MavenBuild.run(
          mvn,
          tree.root().toFile(),
          t.mavenProperties(),
          logs.resolve("maven.log").toFile(),
          System.err)) {
        System.err.println(
            Requirements.launcher() + ": the submission does not compile; nothing" + " was tested");
        if (r.json != null) {
          Files.writeString(
              ws.fromCaller(r.json),
              "{\"score\": 0, \"output\": \"The submission"
                  + " does not compile.\", \"tests\": [{\"name\": \"compile\", \"score\": 0,"
                  + " \"max_score\": 0, \"status\": \"failed\", \"output\": \"does not compile;"
                  + " see the build log\"}]}\n");
        }
        System.out.println("0 passed, 1 failed");
        return 1;
      }
      List<String> grading = new ArrayList<>();
      grading.add("-Draftlab.grading.work=" + tree.work());
      Path reference = ws.root().resolve("solution/src/main/java");
      if (Files.isDirectory(reference)) {
        // Fingerprints of the reference, so that no line of it can appear in the output.
        Path prints = tree.file("reference.fingerprints");
        ReferenceFilter.main(new String[] {reference.toString(), prints.toString()});
        grading.add("-Draftlab.grading.redact=" + prints);
      }
      return ChildJvm.runPlain(t, FastStart.libraries(t), argv, grading, tree.root());
    }
  }

  /** Runs the selected tests in this JVM, whose classpath is the build to test. */
  private int runTests(Workspace ws, Target submitted) throws IOException, InterruptedException {
    Request r = request;
    List<String> jvm = new ArrayList<>(FastStart.JVM_OPTIONS);
    if (r.seed != null) {
      System.setProperty("raftlab.seed", r.seed.toString());
      jvm.add("-Draftlab.seed=" + r.seed);
    }
    if (r.verbose) {
      System.setProperty("raftlab.debug", "true");
      jvm.add("-Draftlab.debug=true");
    }
    if (r.timeline) {
      System.setProperty("raftlab.timeline", "always");
      jvm.add("-Draftlab.timeline=always");
    }
    if (submitted == null) {
      // A failing test says how to look for its failure deterministically, where that can run.
      for (String p :
          DeterministicMode.hintProperties(ws.root(), r, Requirements.launcherCommand())) {
        int eq = p.indexOf('=');
        System.setProperty(p.substring(0, eq), p.substring(eq + 1));
        jvm.add("-D" + p);
      }
    }
    String archive = System.getProperty("raftlab.archive");
    if (archive != null && Files.isRegularFile(Path.of(archive))) {
      jvm.add("-XX:SharedArchiveFile=" + archive); // the test JVMs start fast too
      jvm.addAll(FastStart.ARCHIVE_QUIET);
    }
    Selection selection = new Selection(r.parts, r.tests);
    Path results = r.json == null ? null : ws.fromCaller(r.json);
    if (submitted != null) {
      return Isolated.grade(new Isolated.Options(selection, results, jvm, r.zeroIfFlagged));
    }
    if (r.runs != null) {
      return Repeat.repeat(
          new Repeat.Options(selection, r.runs, r.parallel == null ? 1 : r.parallel, jvm));
    }
    if (!r.list) {
      grading.scan.StudentWarning.warn(System.out); // what the grader will flag, before any test
    }
    return Grade.grade(new Grade.Options(selection, r.failFast, results, r.list));
  }
}
