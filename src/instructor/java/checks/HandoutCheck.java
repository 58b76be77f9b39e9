package checks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import labs.Registry;

/**
 * The student handout ({@code make handout}) is the student's kit and nothing else ({@code make
 * check-handout}, part of {@code make test}):
 *
 * <ol>
 *   <li>it holds none of the instructor's material: no {@code solution/}, no patch, no {@code
 *       src/instructor} or {@code src/deterministic}, no source of an instructor's package;
 *   <li>its {@code ./grade.sh --help} offers only what works there: {@code --submission}, but not
 *       {@code --solution}, {@code --deterministic} or {@code --explore};
 *   <li>a plain {@code mvn test} there runs every lab test (each part's tests fail on the skeleton,
 *       as they should) and the student kit's self-tests, which pass; nothing there needs {@code
 *       solution/}.
 * </ol>
 *
 * Results are read from surefire's XML reports, never from printed text.
 *
 * <pre>
 * java -cp ... checks.HandoutCheck DIR      (DIR: dist/raftlab-handout, built)
 * </pre>
 */
public final class HandoutCheck {
  private static final Set<String> INSTRUCTOR_PACKAGES =
      Set.of("redteam", "gradescope", "batch", "checks", "docs", "variants", "deterministic");
  private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
  private static final Pattern SUITE =
      Pattern.compile("<testsuite [^>]*name=\"([^\"]+)\"[^>]*>", Pattern.DOTALL);
  private static final Pattern COUNT = Pattern.compile("\\b(tests|failures|errors)=\"(\\d+)\"");

  private HandoutCheck() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]).toAbsolutePath().normalize();
    List<String> problems = new ArrayList<>();
    nothingOfTheInstructors(dir, problems);
    helpOffersWhatWorks(dir, problems);
    plainMavenTestRunsTheLabTests(dir, problems);
    if (!problems.isEmpty()) {
      System.out.println("check-handout FAILED:");
      problems.forEach(p -> System.out.println("  " + p));
      System.out.println("0 passed, " + problems.size() + " failed");
      System.exit(1);
    }
    System.out.println("check-handout: " + dir + " is the student's kit and nothing else");
  }

  private static void nothingOfTheInstructors(Path dir, List<String> problems) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.toList()) {
        String rel = dir.relativize(p).toString().replace('\\', '/');
        if (rel.startsWith("target/")) {
          continue;
        }
        if (rel.contains("solution")
            || rel.endsWith(".patch")
            || rel.startsWith("src/instructor")
            || rel.startsWith("src/deterministic")) {
          problems.add("instructor-only file in the handout: " + rel);
        } else if (rel.endsWith(".java")) {
          Matcher m = PACKAGE.matcher(Files.readString(p, StandardCharsets.UTF_8));
          if (m.find() && INSTRUCTOR_PACKAGES.contains(m.group(1).split("\\.")[0])) {
            problems.add("a source of the instructor's package " + m.group(1) + ": " + rel);
          }
        }
      }
    }
  }

  private static void helpOffersWhatWorks(Path dir, List<String> problems) throws Exception {
    Path out = Files.createTempFile("handout-help", ".txt");
    int status =
        new ProcessBuilder("sh", "./grade.sh", "--help")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start()
            .waitFor();
    String help = Files.readString(out, StandardCharsets.UTF_8);
    Files.delete(out);
    if (status != 0 || !help.contains("--submission")) {
      problems.add("./grade.sh --help did not work there (exit " + status + "):\n" + help);
    }
    for (String option : List.of("--solution", "--deterministic", "--explore")) {
      if (help.contains(option)) {
        problems.add("./grade.sh --help offers " + option + ", which the handout cannot run");
      }
    }
  }

  private static void plainMavenTestRunsTheLabTests(Path dir, List<String> problems)
      throws Exception {
    Path reports = dir.resolve("target/surefire-reports");
    cli.FileTrees.delete(reports);
    Path log = dir.resolve("target/check-handout-mvn-test.log");
    Files.createDirectories(log.getParent());
    int status =
        new ProcessBuilder("mvn", "-B", "-ntp", "-Dstyle.color=never", "test")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start()
            .waitFor();
    if (status == 0) {
      problems.add("mvn test passed on the skeleton: the lab tests did not run (see " + log + ")");
    }
    Set<String> labClasses = new TreeSet<>(Registry.testClasses());
    Set<String> ran = new TreeSet<>();
    if (Files.isDirectory(reports)) {
      try (Stream<Path> files = Files.list(reports)) {
        for (Path f : files.filter(x -> x.getFileName().toString().endsWith(".xml")).toList()) {
          String xml = Files.readString(f, StandardCharsets.UTF_8);
          Matcher suite = SUITE.matcher(xml);
          if (!suite.find()) {
            continue;
          }
          String name = suite.group(1);
          ran.add(name);
          int failed = count(suite.group(0), "failures") + count(suite.group(0), "errors");
          if (xml.contains("solution/")) {
            problems.add(name + " needed solution/ (see " + f + ")");
          }
          if (labClasses.contains(name) && failed == 0) {
            problems.add(name + " passed on the skeleton: it did not test the student's code");
          }
          if (!labClasses.contains(name) && failed > 0) {
            problems.add("the self-test " + name + " failed in the handout (see " + f + ")");
          }
        }
      }
    }
    for (String c : labClasses) {
      if (!ran.contains(c)) {
        problems.add(
            "mvn test in the handout did not run the lab tests " + c + " (see " + log + ")");
      }
    }
    System.out.println(
        "check-handout: mvn test ran "
            + ran.size()
            + " test classes, "
            + labClasses.size()
            + " of them lab tests");
  }

  private static int count(String suiteTag, String attribute) {
    Matcher m = COUNT.matcher(suiteTag);
    while (m.find()) {
      if (m.group(1).equals(attribute)) {
        return Integer.parseInt(m.group(2));
      }
    }
    return 0;
  }
}
