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
 * found on this JVM's classpath, checked by {@link ClassScanner} against the compiled tests on the
 * same classpath. A flag is evidence for an instructor to look at, not a verdict; with the
 * instructor's option ({@code --zero-if-flagged}) any flag makes the score 0.
 */
public record SubmissionScan(List<Flag> flags) {

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
    Set<String> tester = new java.util.LinkedHashSet<>();
    for (Path t : tests) {
      tester.addAll(ClassScanner.classesUnder(t));
    }
    ClassScanner scanner = new ClassScanner(tester);
    List<Flag> flags = new ArrayList<>();
    for (Path c : classes) {
      flags.addAll(scanner.scan(c, Registry.studentPackages()));
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
            "Integrity scan: " + flags.size() + " reference(s) to what a Raft never needs:\n");
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
