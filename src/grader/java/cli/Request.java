package cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import labs.Registry;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * What a grading run was asked for: the options of {@code ./grade.sh}, declared once here (their
 * help text included), parsed with Apache Commons CLI and checked together ({@link #check}).
 */
final class Request {
  List<String> parts = new ArrayList<>();
  List<String> tests = new ArrayList<>();
  Integer runs;
  Integer parallel;
  Long seed;
  boolean verbose;
  boolean timeline;
  boolean failFast;
  String json;
  boolean solution;
  boolean zeroIfFlagged;
  boolean zeroIfFlaggedGiven;
  boolean allowFlagged;
  String submission;
  boolean list;
  boolean help;
  boolean deterministic;
  Integer explore;

  /**
   * What this tree can run besides the student's own runs: the student handout has neither the
   * reference solution nor the deterministic mode, and its --help does not offer them.
   */
  record Available(boolean solution, boolean deterministic) {
    static final Available ALL = new Available(true, true);

    static Available in(Path root) {
      return new Available(
          Files.isDirectory(root.resolve("solution/src/main/java")),
          Files.isDirectory(root.resolve("src/deterministic"))
              && Files.isRegularFile(root.resolve("tools/deterministic.sh")));
    }
  }

  /** Every option the parser knows, in the order --help lists them. */
  static Options options() {
    return options(Available.ALL);
  }

  /** The options that work in a tree that has {@code a}, in the order --help lists them. */
  static Options options(Available a) {
    Options o = new Options();
    o.addOption(
        Args.valued(
            "t",
            "test",
            "NAME",
            "only this test (e.g. testReElection3A, or its"
                + " Go name TestReElection3A); may be given several times"));
    o.addOption(
        Args.valued(
            "n",
            null,
            "N",
            "repeat runner: run each selected test N times, in a"
                + " fresh JVM each, and keep the logs (and timelines) of the failed runs only"));
    o.addOption(
        Args.valued(
            "p",
            null,
            "P",
            "with -n: run P tests at a time (default 1; the tests"
                + " are timing-sensitive, so more than the number of cores makes them fail for the wrong"
                + " reasons)"));
    o.addOption(
        Args.valued(
            null,
            "seed",
            "S",
            "replay the random choices (network and tester)"
                + " of a failed run; thread timing still varies, so a seed makes a failure likelier to"
                + " recur, not certain"));
    o.addOption(
        Args.flag(
            "v", "verbose", "print the debug log (debug.Debug and the tester's own" + " events)"));
    o.addOption(
        Args.flag(
            null,
            "timeline",
            "write a timeline (HTML) for passing tests too, not" + " only for failed ones"));
    o.addOption(Args.flag(null, "fail-fast", "stop at the first failed test"));
    o.addOption(
        Args.valued(
            null, "json", "FILE", "also write the results as Gradescope's" + " results.json"));
    if (a.solution()) {
      o.addOption(
          Args.flag(
              null, "solution", "the same tests on the reference solution" + " (instructors)"));
    }
    o.addOption(
        Args.valued(
            null,
            "submission",
            "DIR",
            "grade a student's submission"
                + " (instructors): only the student packages are taken from DIR (DIR/src/main/java/raft or"
                + " DIR/raft, and kvraft), over this pristine tree; each test runs in a JVM of its own, 120"
                + " s per test and 600 s per run as in the Go grading"));
    o.addOption(
        Args.flag(
            null,
            "zero-if-flagged",
            "with --submission: score 0 if the integrity"
                + " scan flags the submission (instructors; the default)"));
    o.addOption(
        Args.flag(
            null,
            "allow-flagged",
            "with --submission: keep the points of a submission"
                + " that the integrity scan flags, and only list the flags (instructors)"));
    if (a.deterministic()) {
      o.addOption(
          Args.flag(
              null,
              "deterministic",
              "experimental, never graded: run the tests under Fray, one"
                  + " thread at a time in virtual time, so that --seed replays a run exactly, thread"
                  + " timing included (needs a JDK 25; see the instructor guide, \"Deterministic"
                  + " mode\")"));
      o.addOption(
          Args.valued(
              null,
              "explore",
              "N",
              "with --deterministic and one test (-t): run it under N"
                  + " schedules and stop at the first failure, printing the seed that replays it"));
    }
    o.addOption(Args.flag("h", "help", "this text"));
    return o;
  }

  /** Options that scripts use but --help does not list. */
  private static Options withHidden() {
    Options o = options();
    o.addOption(Args.flag(null, "list", "print the names of the selected tests"));
    return o;
  }

  static Request parse(String[] args) throws UsageError {
    CommandLine cl = Args.parse(withHidden(), args);
    Request r = new Request();
    for (String arg : cl.getArgList()) {
      if (arg.startsWith("-") && arg.length() > 1) {
        throw new UsageError("unknown option " + arg);
      }
      r.parts.add(arg);
    }
    if (cl.hasOption("t")) {
      r.tests.addAll(List.of(cl.getOptionValues("t")));
    }
    Long n = Args.number(cl, "n", "-n");
    Long p = Args.number(cl, "p", "-p");
    r.runs = n == null ? null : (int) Math.min(n, Integer.MAX_VALUE);
    r.parallel = p == null ? null : (int) Math.min(p, Integer.MAX_VALUE);
    r.seed = Args.number(cl, "seed", "--seed");
    r.verbose = cl.hasOption("v");
    r.timeline = cl.hasOption("timeline");
    r.failFast = cl.hasOption("fail-fast");
    r.json = cl.getOptionValue("json");
    r.solution = cl.hasOption("solution");
    r.submission = cl.getOptionValue("submission");
    r.allowFlagged = cl.hasOption("allow-flagged");
    r.zeroIfFlagged = !r.allowFlagged; // --zero-if-flagged is the default (issue 27)
    r.zeroIfFlaggedGiven = cl.hasOption("zero-if-flagged");
    r.list = cl.hasOption("list");
    r.help = cl.hasOption("h");
    r.deterministic = cl.hasOption("deterministic");
    Long explore = Args.number(cl, "explore", "--explore");
    r.explore = explore == null ? null : (int) Math.min(explore, Integer.MAX_VALUE);
    return r;
  }

  /** The checks that concern several options, or the files they name. */
  void check(Workspace ws) throws UsageError {
    List<String> known = Registry.partNames();
    List<String> upper = new ArrayList<>();
    for (String p : parts) {
      String u = p.toUpperCase(Locale.ROOT);
      if (!known.contains(u)) {
        throw new UsageError("unknown part " + p + " (parts: " + String.join(" ", known) + ")");
      }
      upper.add(u);
    }
    parts = upper;
    if (runs != null && runs < 1) {
      throw new UsageError("-n needs a number of runs, 1 or more");
    }
    if (parallel != null && parallel < 1) {
      throw new UsageError("-p needs a number of tests at a time, 1 or more");
    }
    if (parallel != null && runs == null) {
      throw new UsageError("-p goes with -n (the repeat runner)");
    }
    if (runs != null && (json != null || failFast || submission != null)) {
      throw new UsageError(
          "-n (the repeat runner) cannot be combined with --json, --fail-fast"
              + " or --submission");
    }
    if (explore != null && !deterministic) {
      throw new UsageError("--explore goes with --deterministic");
    }
    if (explore != null && (explore < 1 || tests.size() != 1)) {
      throw new UsageError("--explore needs a number of schedules, 1 or more, and one test (-t)");
    }
    if (deterministic
        && (runs != null
            || submission != null
            || json != null
            || failFast
            || timeline
            || verbose
            || zeroIfFlaggedGiven
            || allowFlagged)) {
      throw new UsageError(
          "--deterministic runs alone: it cannot be combined with -n, --submission, --json,"
              + " --fail-fast, --timeline or -v (it prints the event log itself)");
    }
    if ((zeroIfFlaggedGiven || allowFlagged) && submission == null) {
      throw new UsageError("--zero-if-flagged and --allow-flagged apply only to --submission");
    }
    if (zeroIfFlaggedGiven && allowFlagged) {
      throw new UsageError("--zero-if-flagged and --allow-flagged contradict each other");
    }
    if (submission != null && failFast) {
      throw new UsageError(
          "--fail-fast cannot be combined with --submission (every test is" + " graded)");
    }
    if (submission != null && solution) {
      throw new UsageError("--solution and --submission cannot be combined");
    }
    if (deterministic && !Available.in(ws.root()).deterministic()) {
      throw new UsageError(
          "--deterministic needs src/deterministic and tools/deterministic.sh, which this tree"
              + " does not have (the student handout leaves the experimental mode out)");
    }
    if (solution && !Available.in(ws.root()).solution()) {
      throw new UsageError(
          "there is no solution/ folder here (it is not part of the student" + " handout)");
    }
    if (json != null) {
      Path parent = ws.fromCaller(json).getParent();
      if (parent != null && !Files.isDirectory(parent)) {
        throw new UsageError("--json " + json + ": the folder " + parent + " does not exist");
      }
    }
    if (submission != null && Main.packagesOf(ws.fromCaller(submission)) == null) {
      throw new UsageError(
          "--submission "
              + submission
              + ": it holds none of the student packages ("
              + String.join(", ", Registry.studentPackages())
              + "), neither under src/main/java/ nor at its top; give the folder of a student's"
              + " repository or of its source packages");
    }
  }
}
