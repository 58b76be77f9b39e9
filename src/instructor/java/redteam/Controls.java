package redteam;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The controls of the integrity scan ({@code make check-controls}): correct Rafts written in
 * different styles (tools/redteam-controls: executors, raw threads and {@code synchronized},
 * CompletableFuture) and the reference, graded as submissions on every part of Lab 3. Each must get
 * full marks with nothing flagged: an allow-list that flags an honest solution costs a student a
 * grade. About half an hour, as each grades Lab 3 whole.
 *
 * <pre>
 * java -cp ... redteam.Controls ROOT OUT_DIR [NAME ...]
 * </pre>
 */
public final class Controls {
  private static final List<String> PARTS = List.of("3A", "3B", "3C", "3D");

  private Controls() {}

  public static void main(String[] argv) throws IOException, InterruptedException {
    Path root = Path.of(argv[0]).toAbsolutePath();
    Path out = Files.createDirectories(Path.of(argv[1]).toAbsolutePath());
    List<String> only = List.of(argv).subList(2, argv.length);
    List<Path> submissions = new ArrayList<>();
    submissions.add(root.resolve("solution/src/main/java"));
    try (Stream<Path> dirs = Files.list(root.resolve("tools/redteam-controls"))) {
      submissions.addAll(dirs.filter(Files::isDirectory).sorted().toList());
    }
    int failed = 0;
    for (Path s : submissions) {
      String name =
          s.startsWith(root.resolve("solution")) ? "reference" : s.getFileName().toString();
      if (!only.isEmpty() && !only.contains(name)) {
        continue;
      }
      // Part by part, as Gradescope grades: each part has the whole-run limit of 600 s to itself.
      int total = 0;
      int max = 0;
      List<String> flags = new ArrayList<>();
      List<String> scores = new ArrayList<>();
      for (String part : PARTS) {
        System.err.println("controls: " + name + " " + part + " ...");
        Path partOut = Files.createDirectories(out.resolve(name + "-" + part));
        GradedRun run = GradedRun.grade(root, s, partOut, List.of(part), "130");
        total += Math.max(0, run.total());
        max += run.max();
        flags.addAll(run.flags());
        scores.add(part + " " + run.total() + "/" + run.max());
      }
      boolean ok = total == max && max > 0 && flags.isEmpty();
      failed += ok ? 0 : 1;
      System.out.printf(
          "%-16s %d/%d (%s), %s%s%n",
          name,
          total,
          max,
          String.join(", ", scores),
          flags.isEmpty() ? "nothing flagged" : "FLAGGED: " + flags,
          ok ? "" : "  FAILED");
    }
    System.out.println("Logs and results.json of each: " + out);
    System.exit(failed == 0 ? 0 : 1);
  }
}
