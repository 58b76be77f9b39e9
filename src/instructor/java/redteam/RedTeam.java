package redteam;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The red-team suite ({@code make test}, {@code make red-team}): grades every hostile submission in
 * {@code tools/redteam/} with {@code ./grade.sh --submission}, on the tests each attacks, and the
 * reference solution on the same kind of test in the same run. Each attack must get 0 points for
 * each test it attacks, with the failure message and the scan's flags its header expects, the
 * grader unharmed (it wrote results.json with an entry for every test and ended normally), and no
 * line of the reference in any output; the reference must get full marks with nothing flagged.
 *
 * <pre>
 * java -cp ... redteam.RedTeam ROOT OUT_DIR [NAME ...]
 * </pre>
 *
 * Prints a table (attack, what it tried, what it got) and ends with {@code N passed, N failed}.
 */
public final class RedTeam {
  private static final String REFERENCE_TEST = "testInitialElection3A";

  private RedTeam() {}

  public static void main(String[] argv) throws IOException, InterruptedException {
    Path root = Path.of(argv[0]).toAbsolutePath();
    Path out = Files.createDirectories(Path.of(argv[1]).toAbsolutePath());
    List<String> only = List.of(argv).subList(2, argv.length);
    List<String> reference = referenceLines(root.resolve("solution/src/main/java"));

    List<String[]> rows = new ArrayList<>();
    int failed = 0;
    Path refSubmission = root.resolve("solution/src/main/java");
    if (only.isEmpty() || only.contains("reference")) {
      System.err.println("red-team: reference ...");
      GradedRun run = GradedRun.grade(root, refSubmission, out, List.of("-t", REFERENCE_TEST));
      List<String> problems = new ArrayList<>();
      if (run.score(REFERENCE_TEST) != 5) {
        problems.add(
            "the reference got "
                + run.score(REFERENCE_TEST)
                + "/5: "
                + run.message(REFERENCE_TEST));
      }
      if (!run.flags().isEmpty()) {
        problems.add("the scan flagged the reference: " + run.flags());
      }
      failed += problems.isEmpty() ? 0 : 1;
      rows.add(
          new String[] {
            "reference",
            "a correct Raft",
            run.score(REFERENCE_TEST) + "/5",
            problems.isEmpty() ? "ok" : "FAILED: " + String.join("; ", problems)
          });
    }
    for (Attack a : Attack.under(root.resolve("tools/redteam"))) {
      if (!only.isEmpty() && !only.contains(a.name())) {
        continue;
      }
      System.err.println("red-team: " + a.name() + " ...");
      List<String> args = new ArrayList<>(a.options());
      a.tests().forEach(t -> args.addAll(List.of("-t", t)));
      GradedRun run = GradedRun.grade(root, a.dir(), out, args);
      List<String> problems = Verdict.problems(a, run, reference);
      failed += problems.isEmpty() ? 0 : 1;
      rows.add(
          new String[] {
            a.name(),
            a.tries(),
            Verdict.got(a, run),
            problems.isEmpty() ? "ok" : "FAILED: " + String.join("; ", problems)
          });
    }
    print(rows, out);
    System.out.printf("%d passed, %d failed%n", rows.size() - failed, failed);
    System.exit(failed == 0 ? 0 : 1);
  }

  private static void print(List<String[]> rows, Path out) {
    System.out.println();
    for (String[] r : rows) {
      System.out.printf("%-22s %s%n", r[0], r[3]);
      System.out.printf("%-22s   tried: %s%n", "", r[1]);
      System.out.printf("%-22s   got:   %s%n", "", r[2]);
    }
    System.out.println();
    System.out.println("Logs and results.json of each: " + out);
  }

  /** The reference's lines long enough to be its own: 30 characters or more, spaces aside. */
  static List<String> referenceLines(Path sources) throws IOException {
    List<String> lines = new ArrayList<>();
    if (!Files.isDirectory(sources)) {
      return lines;
    }
    try (Stream<Path> walk = Files.walk(sources)) {
      for (Path f : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
        for (String l : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          if (l.replaceAll("\\s", "").length() >= 30) {
            lines.add(l.strip());
          }
        }
      }
    }
    return lines;
  }
}
