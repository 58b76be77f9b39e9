package grading.scan;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import labs.Registry;

/**
 * The student's side of the integrity scan: before any test of {@code ./grade.sh}, the very scan
 * the grader runs, on the student's own packages, so that no honest student learns from a 0 that
 * their Raft uses something the grader flags. Prints nothing when nothing is flagged.
 *
 * <p>A scan takes a few hundred milliseconds in a fresh JVM, too long to pay on every run; so the
 * warning is kept next to the classes ({@code integrity-scan.txt}), with a fingerprint of the class
 * files it was made from, and the scan runs again only when they changed.
 */
public final class StudentWarning {
  private static final String CACHE = "integrity-scan.txt";

  private StudentWarning() {}

  /** Warns on {@code out} of what the scan flags in the student packages on the classpath. */
  public static void warn(PrintStream out) {
    try {
      List<Path> dirs = classDirectories();
      if (dirs.isEmpty()) {
        return;
      }
      String fingerprint = fingerprint(dirs);
      Path cache = dirs.get(0).resolveSibling(CACHE);
      if (Files.isRegularFile(cache)) {
        String cached = Files.readString(cache, StandardCharsets.UTF_8);
        if (cached.startsWith(fingerprint + "\n")) {
          out.print(cached.substring(fingerprint.length() + 1));
          return;
        }
      }
      ByteArrayOutputStream text = new ByteArrayOutputStream();
      warn(SubmissionScan.ofClasspath(), new PrintStream(text, true, StandardCharsets.UTF_8));
      String warning = text.toString(StandardCharsets.UTF_8);
      out.print(warning);
      Files.writeString(cache, fingerprint + "\n" + warning, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      // the warning is a courtesy: it never stops a student's run
    }
  }

  /** Warns on {@code out} of what {@code scan} flagged; nothing if it flagged nothing. */
  static void warn(SubmissionScan scan, PrintStream out) {
    if (!scan.flagged()) {
      return;
    }
    out.println("WARNING: the grader's integrity scan will flag your code, and a flagged");
    out.println("submission scores 0. Your packages use what a solution may not use:");
    for (Flag f : scan.flags()) {
      out.println("  " + f);
    }
    out.println("What a solution may use: the section \"What a solution may use\" of your");
    out.println("lab's handout. Ask your instructor if you need more.");
    out.println();
  }

  /** The classpath's folders of compiled classes, but the tests'. */
  private static List<Path> classDirectories() {
    List<Path> out = new ArrayList<>();
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(e);
      if (Files.isDirectory(p) && !e.replace('\\', '/').endsWith("test-classes")) {
        out.add(p);
      }
    }
    return out;
  }

  /** The names, sizes and times of the student packages' class files, in one line. */
  private static String fingerprint(List<Path> dirs) throws IOException {
    StringBuilder sb = new StringBuilder("v1");
    for (Path d : dirs) {
      for (String pkg : Registry.studentPackages()) {
        Path p = d.resolve(pkg.replace('.', '/'));
        if (!Files.isDirectory(p)) {
          continue;
        }
        try (Stream<Path> walk = Files.walk(p)) {
          for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
            sb.append(' ')
                .append(f)
                .append(':')
                .append(Files.size(f))
                .append(':')
                .append(Files.getLastModifiedTime(f).toMillis());
          }
        }
      }
    }
    return Integer.toHexString(sb.toString().hashCode()) + "-" + sb.length();
  }

  /** {@code java grading.scan.StudentWarning}: the warning alone, for the classpath given. */
  public static void main(String[] argv) {
    warn(System.out);
  }
}
