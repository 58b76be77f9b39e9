package grading.scan;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import labs.Registry;

/**
 * The scan of a graded submission: the classes of the student packages (from {@link Registry})
 * found on this JVM's classpath, checked by {@link ClassScanner} against their lab's allow-list
 * ({@link labs.AllowedApis}, plus the patterns of {@link #EXTRA_VARIABLE}) and the compiled tests
 * on the same classpath. By default any flag makes the score 0 (an instructor may opt out with
 * {@code --allow-flagged}, and read the flags as evidence instead).
 */
public record SubmissionScan(List<Flag> flags) {
  /**
   * The environment variable with an instructor's additions to every lab's allow-list (patterns as
   * in {@link labs.AllowedApis}, separated by spaces or commas); {@code autograder.conf}'s {@code
   * allow} sets it.
   */
  public static final String EXTRA_VARIABLE = "RAFTLAB_SCAN_ALLOW";

  /** The allow-list for the student package {@code pkg}: its lab's, the students', the extras. */
  public static AllowList allowListFor(String pkg, List<String> extra) {
    List<String> patterns =
        new ArrayList<>(
            Registry.labOwning(pkg).map(labs.Lab::allowedApis).orElse(labs.AllowedApis.forLab(0)));
    for (String own : Registry.studentPackages()) {
      patterns.add(own + ".**");
    }
    patterns.addAll(extra);
    return AllowList.of(patterns);
  }

  /** The instructor's extra patterns, from {@link #EXTRA_VARIABLE}. */
  public static List<String> extraFromEnvironment() {
    String v = System.getenv(EXTRA_VARIABLE);
    return v == null || v.isBlank() ? List.of() : List.of(v.strip().split("[\\s,]+"));
  }

  /** A scanner of the student packages that flags references to {@code tester}'s classes. */
  public static ClassScanner scanner(Set<String> tester) {
    List<String> extra = extraFromEnvironment();
    return new ClassScanner(tester, pkg -> allowListFor(pkg, extra));
  }

  /** Scans the student packages on this JVM's classpath. */
  public static SubmissionScan ofClasspath() throws IOException {
    List<Path> classes = new ArrayList<>();
    List<Path> tests = new ArrayList<>();
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(e);
      if (!Files.isDirectory(p)) {
        continue;
      }
      (p.getFileName() != null && p.getFileName().toString().equals("test-classes")
              ? tests
              : classes)
          .add(p);
    }
    return of(classes, tests);
  }

  /** Scans the student packages in {@code classes} against the tester in {@code tests}. */
  public static SubmissionScan of(List<Path> classes, List<Path> tests) throws IOException {
    Set<String> tester = new java.util.LinkedHashSet<>();
    for (Path t : tests) {
      tester.addAll(ClassScanner.classesUnder(t));
    }
    List<Flag> flags = new ArrayList<>();
    for (Path c : classes) {
      flags.addAll(scanner(tester).scan(c, Registry.studentPackages()));
    }
    return new SubmissionScan(List.copyOf(flags));
  }

  public boolean flagged() {
    return !flags.isEmpty();
  }

  /** The scan's findings, one per line, for the grading output and results.json. */
  public String describe() {
    if (flags.isEmpty()) {
      return "Integrity scan: nothing flagged.";
    }
    StringBuilder sb =
        new StringBuilder(
            "Integrity scan: "
                + flags.size()
                + " reference(s) to what the allow-list does not hold"
                + " (the handout's \"What a solution may use\"):\n");
    for (Flag f : flags) {
      sb.append("  ").append(f).append('\n');
    }
    return sb.toString();
  }

  /** Prints {@link #describe()}. */
  public void print(PrintStream out) {
    out.println(describe().stripTrailing());
    out.println();
  }
}
