package cli;

import grading.Grade;
import grading.Isolated;
import grading.Repeat;
import grading.Selection;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import labs.Registry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The command line of raftlab: {@code ./grade.sh} (and {@code grade.cmd} on Windows) start this
 * class through {@link Bootstrap}. One parser (picocli), one {@code --help}, one set of checks.
 *
 * <p>A run first makes sure the code it tests is built, as cheaply as it can ({@link
 * ChangeDetector}): nothing when nothing changed, javac on the student's packages when only they
 * changed ({@link JavacBuild}), Maven when the pom, a test or a given file changed. Then it runs
 * the tests with the runner the options ask for: {@link Grade} (in this JVM), {@link Repeat}
 * ({@code -n}) or {@link Isolated} ({@code --submission}).
 *
 * <p>Exit status: 0 if every test passed, 1 if a test failed or the code does not compile, 2 for
 * a mistake on the command line or in the set-up.
 */
@Command(
    name = "grade.sh",
    sortOptions = false,
    usageHelpWidth = 100,
    synopsisHeading = "",
    customSynopsis = {
      "Usage: ${COMMAND-NAME} [OPTIONS] [PART...]",
      "       ${COMMAND-NAME} logcols [-c COLUMNS] [-t TOPIC,...] [-x TOPIC,...] [-w WIDTH] [FILE]",
    },
    description = {
      "Runs the lab tests and grades them. For each test it prints what `go test` prints, then a"
          + " table of tests and points, and ends with \"N passed, N failed\".",
      "",
      "It builds first, as little as it can: nothing when nothing changed, only your packages"
          + " (raft, kvraft) with javac when only they changed, everything with Maven on the first"
          + " run or when the pom, a test or a given file changed."
    },
    parameterListHeading = "%n",
    optionListHeading = "%nOptions:%n",
    commandListHeading = "%nCommands:%n",
    footerHeading = "%n",
    footer = {
      "Exit status: 0 if every test passed; 1 if a test failed or the code does not compile;"
          + " 2 for a mistake on the command line or in the set-up (the message says what to fix).",
      "",
      "Examples:",
      "  ./grade.sh 3A                              the Lab 3A tests on your code",
      "  ./grade.sh -t testReElection3A 3A          one test",
      "  ./grade.sh -n 100 -p 2 3A                  each test 100 times, 2 at a time",
      "  ./grade.sh -v 3A | tools/logcols -t VOTE,LEAD,TERM     the debug log, a column a server",
      "  ./grade.sh --submission DIR --json results.json 3A     grade a submission (instructors)"
    },
    subcommands = {
      LogColumnsCommand.class,
      AssembleCommand.class,
      PartsCommand.class,
      LoopBench.class
    })
public final class Main implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "PART",
      arity = "0..*",
      description = "the parts to run: ${sys:raftlab.partNames} (default: all of them)")
  List<String> parts = new ArrayList<>();

  @Option(
      names = {"-t", "--test"},
      paramLabel = "NAME",
      description = {
        "only this test (e.g. testReElection3A, or its Go name TestReElection3A); may be given"
            + " several times"
      })
  List<String> tests = new ArrayList<>();

  @Option(
      names = "-n",
      paramLabel = "N",
      description =
          "repeat runner: run each selected test N times, in a fresh JVM each, and keep the logs"
              + " (and timelines) of the failed runs only")
  Integer runs;

  @Option(
      names = "-p",
      paramLabel = "P",
      description =
          "with -n: run P tests at a time (default 1; the tests are timing-sensitive, so more than"
              + " the number of cores makes them fail for the wrong reasons)")
  Integer parallel;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description =
          "replay the random choices (network and tester) of a failed run; thread timing still"
              + " varies, so a seed makes a failure likelier to recur, not certain")
  Long seed;

  @Option(
      names = {"-v", "--verbose"},
      description = "print the debug log (debug.Debug and the tester's own events)")
  boolean verbose;

  @Option(
      names = "--timeline",
      description = "write a timeline (HTML) for passing tests too, not only for failed ones")
  boolean timeline;

  @Option(names = "--fail-fast", description = "stop at the first failed test")
  boolean failFast;

  @Option(
      names = "--json",
      paramLabel = "FILE",
      description = "also write the results as Gradescope's results.json")
  String json;

  @Option(
      names = "--solution",
      description = "the same tests on the reference solution (instructors)")
  boolean solution;

  @Option(
      names = "--submission",
      paramLabel = "DIR",
      description = {
        "grade a student's submission (instructors): only the student packages are taken from"
            + " DIR (DIR/src/main/java/raft or DIR/raft, and kvraft), over this pristine tree;"
            + " each test runs in a JVM of its own, 120 s per test and 600 s per run as in the Go"
            + " grading"
      })
  String submission;

  @Option(
      names = "--list",
      hidden = true,
      description = "print the names of the selected tests, one per line")
  boolean list;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "this text")
  boolean help;

  /** The command line as typed: a child JVM gets it again. */
  private String[] argv = new String[0];

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

  /** Parses {@code args} and runs them; returns the exit status. */
  static int run(String[] args) {
    Timing.mark("front end started");
    CommandLine cl = commandLine();
    ((Main) cl.getCommand()).argv = args.clone();
    return cl.execute(args);
  }

  /** The parser, with raftlab's error format: one line and a pointer to --help, status 2. */
  static CommandLine commandLine() {
    System.setProperty("raftlab.partNames", String.join(" ", Registry.partNames()));
    CommandLine cl = new CommandLine(new Main());
    cl.setCommandName(Requirements.launcher());
    cl.setParameterExceptionHandler((ex, args) -> {
      PrintStream err = System.err;
      err.println(Requirements.launcher() + ": " + ex.getMessage() + " (see "
          + Requirements.launcherCommand() + " --help)");
      return CommandLine.ExitCode.USAGE;
    });
    cl.setExecutionExceptionHandler((ex, command, parsed) -> {
      System.err.println(Requirements.launcher() + ": " + ex);
      for (StackTraceElement e : ex.getStackTrace()) {
        System.err.println("        at " + e);
      }
      return 2;
    });
    return cl;
  }

  @Override
  public Integer call() throws Exception {
    Timing.mark("command line parsed");
    Workspace ws = Workspace.current();
    check(ws);
    if (submission != null) {
      return gradeSubmission(ws);
    }
    Target t = solution ? Target.solution(ws.root()) : Target.student(ws.root());
    if (ws.mavenBuilt() && solution) {
      // The bootstrap built the student's tree: note it, or its next run would build it again.
      Target student = Target.student(ws.root());
      ChangeDetector.record(student, ChangeDetector.scan(student), BuildPlan.MAVEN);
    }
    if (!ws.prebuilt()) {
      Builder.Outcome built = Builder.update(t, ws, System.err);
      if (built == Builder.Outcome.FAILED) {
        return 1;
      }
      if (built == Builder.Outcome.MAVEN_BUILT || !t.build().equals(ws.build())) {
        // This JVM holds the old classes, or another tree's: test in a JVM of the new ones.
        return ChildJvm.runFast(t, argv);
      }
    }
    Timing.mark("built");
    return runTests(ws, null);
  }

  /** The checks of the options that picocli cannot make alone; each fails with status 2. */
  void check(Workspace ws) {
    List<String> known = Registry.partNames();
    List<String> upper = new ArrayList<>();
    for (String p : parts) {
      String u = p.toUpperCase(Locale.ROOT);
      if (!known.contains(u)) {
        throw usage("unknown part " + p + " (parts: " + String.join(" ", known) + ")");
      }
      upper.add(u);
    }
    parts = upper;
    if (runs != null && runs < 1) {
      throw usage("-n needs a number of runs, 1 or more");
    }
    if (parallel != null && parallel < 1) {
      throw usage("-p needs a number of tests at a time, 1 or more");
    }
    if (parallel != null && runs == null) {
      throw usage("-p goes with -n (the repeat runner)");
    }
    if (runs != null && (json != null || failFast || submission != null)) {
      throw usage("-n (the repeat runner) cannot be combined with --json, --fail-fast or"
          + " --submission");
    }
    if (submission != null && failFast) {
      throw usage("--fail-fast cannot be combined with --submission (every test is graded)");
    }
    if (submission != null && solution) {
      throw usage("--solution and --submission cannot be combined");
    }
    if (solution && !Files.isDirectory(ws.root().resolve("solution/src/main/java"))) {
      throw usage("there is no solution/ folder here (it is not part of the student handout)");
    }
    if (json != null) {
      Path parent = ws.fromCaller(json).getParent();
      if (parent != null && !Files.isDirectory(parent)) {
        throw usage("--json " + json + ": the folder " + parent + " does not exist");
      }
    }
    if (submission != null && packagesOf(ws.fromCaller(submission)) == null) {
      throw usage("--submission " + submission + ": it holds neither src/main/java/raft (or"
          + " kvraft) nor raft/ (or kvraft/)");
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
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

  /** Builds the submission afresh over the pristine tree, then grades it in a JVM of its own. */
  private int gradeSubmission(Workspace ws) throws Exception {
    Path dir = ws.fromCaller(submission).toRealPath();
    Target t = Target.submission(ws.root(), dir.getFileName().toString(), packagesOf(dir));
    if (ws.prebuilt()) {
      return runTests(ws, t);
    }
    JavacBuild.deleteTree(t.src());
    JavacBuild.deleteTree(t.build());
    TreeAssembler.assemble(ws.root().resolve("src/main/java"), t.overlay(), t.src());
    String mvn = MavenBuild.mavenOrExit(System.err);
    if (!MavenBuild.run(mvn, ws.root().toFile(), t.mavenProperties(),
        t.cli().resolve("maven.log").toFile(), System.err)) {
      System.err.println(Requirements.launcher() + ": the submission does not compile; nothing"
          + " was tested");
      if (json != null) {
        Files.writeString(ws.fromCaller(json), "{\"score\": 0, \"output\": \"The submission does"
            + " not compile.\", \"tests\": [{\"name\": \"compile\", \"score\": 0, \"max_score\":"
            + " 0, \"status\": \"failed\", \"output\": \"does not compile; see the build"
            + " log\"}]}\n");
      }
      System.out.println("0 passed, 1 failed");
      return 1;
    }
    return ChildJvm.runPlain(t, FastStart.libraries(t), argv);
  }

  /** Runs the selected tests in this JVM, whose classpath is the build to test. */
  private int runTests(Workspace ws, Target submitted) throws IOException, InterruptedException {
    List<String> jvm = new ArrayList<>(FastStart.JVM_OPTIONS);
    if (seed != null) {
      System.setProperty("raftlab.seed", seed.toString());
      jvm.add("-Draftlab.seed=" + seed);
    }
    if (verbose) {
      System.setProperty("raftlab.debug", "true");
      jvm.add("-Draftlab.debug=true");
    }
    if (timeline) {
      System.setProperty("raftlab.timeline", "always");
      jvm.add("-Draftlab.timeline=always");
    }
    String archive = System.getProperty("raftlab.archive");
    if (archive != null && Files.isRegularFile(Path.of(archive))) {
      jvm.add("-XX:SharedArchiveFile=" + archive); // the test JVMs start fast too
      jvm.addAll(FastStart.ARCHIVE_QUIET);
    }
    Selection selection = new Selection(parts, tests);
    Path results = json == null ? null : ws.fromCaller(json);
    if (submitted != null) {
      return Isolated.grade(new Isolated.Options(selection, results, jvm));
    }
    if (runs != null) {
      return Repeat.repeat(new Repeat.Options(selection, runs, parallel == null ? 1 : parallel,
          jvm));
    }
    return Grade.grade(new Grade.Options(selection, failFast, results, list));
  }
}
