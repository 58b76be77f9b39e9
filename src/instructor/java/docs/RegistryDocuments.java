package docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import labs.GradingCommand;
import labs.Part;
import labs.Registry;

/**
 * The documents that repeat registry facts, and what each generated part of them says: the points
 * tables of the handouts (English and Japanese), the steps of the GitHub Classroom workflow, and
 * the handouts' limits tables and per-part points lines ({@link HandoutFacts}). {@code --check}
 * also runs {@link HandoutFacts#problems}.
 *
 * <pre>
 * java -cp CP docs.RegistryDocuments --check    list drifted parts, exit 1 if any
 * java -cp CP docs.RegistryDocuments --write    regenerate them (make docs)
 * </pre>
 *
 * Run from the project's root.
 */
public final class RegistryDocuments {
  private RegistryDocuments() {}

  /** The sections any document may mark, by name. */
  public static GeneratedSections sections() {
    Map<String, Supplier<String>> generators = new LinkedHashMap<>();
    generators.put("points-table", () -> pointsTable("part", "what", "tests", "points"));
    generators.put("points-table-ja", () -> pointsTable("パート", "内容", "テスト数", "点数"));
    generators.put("classroom-steps", RegistryDocuments::classroomSteps);
    generators.putAll(HandoutFacts.generators());
    generators.putAll(AllowedApisDocument.generators());
    return new GeneratedSections(generators);
  }

  /** The files under {@code root} that may hold generated parts. */
  public static List<Path> documents(Path root) throws IOException {
    List<Path> files = new ArrayList<>();
    for (String dir : List.of("handout", "handout/ja")) {
      Path d = root.resolve(dir);
      if (Files.isDirectory(d)) {
        try (Stream<Path> s = Files.list(d)) {
          s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
      }
    }
    for (String f :
        List.of("README.md", "tools/handout/README.md", "tools/handout/classroom.yml")) {
      if (Files.isRegularFile(root.resolve(f))) {
        files.add(root.resolve(f));
      }
    }
    return files;
  }

  /** A Markdown table of every part: name, title, number of tests, points. */
  static String pointsTable(String part, String what, String tests, String points) {
    StringBuilder sb = new StringBuilder();
    sb.append("| ").append(part).append(" | ").append(what).append(" | ").append(tests);
    sb.append(" | ").append(points).append(" |\n| --- | --- | ---: | ---: |\n");
    for (Part p : Registry.parts()) {
      sb.append("| ").append(p.name()).append(" | ").append(p.title()).append(" | ");
      sb.append(p.tests().size()).append(" | ").append(p.points()).append(" |\n");
    }
    return sb.toString();
  }

  /**
   * One Classroom command-grader step per part (all or nothing: the step's points are the part's
   * points), then the reporter step that names them all.
   */
  static String classroomSteps() {
    StringBuilder sb = new StringBuilder();
    List<String> ids = new ArrayList<>();
    for (Part p : Registry.parts()) {
      String id = "lab" + p.name().toLowerCase(Locale.ROOT);
      ids.add(id);
      sb.append("      - name: Lab ").append(p.name()).append('\n');
      sb.append("        id: ").append(id).append('\n');
      sb.append("        uses: classroom-resources/autograding-command-grader@v1\n");
      sb.append("        with:\n");
      sb.append("          test-name: Lab ").append(p.name()).append('\n');
      sb.append("          command: ").append(GradingCommand.classroom(p.name())).append('\n');
      sb.append("          timeout: ").append(p.gradingTimeoutMinutes()).append('\n');
      sb.append("          max-score: ").append(p.points()).append('\n');
    }
    sb.append("      - name: Report\n");
    sb.append("        if: always()\n");
    sb.append("        uses: classroom-resources/autograding-grading-reporter@v1\n");
    sb.append("        env:\n");
    for (String id : ids) {
      sb.append("          ").append(id.toUpperCase(Locale.ROOT)).append("_RESULTS: \"${{ steps.");
      sb.append(id).append(".outputs.result }}\"\n");
    }
    sb.append("        with:\n");
    sb.append("          runners: ").append(String.join(",", ids)).append('\n');
    return sb.toString();
  }

  public static void main(String[] args) throws IOException {
    boolean write = args.length > 0 && args[0].equals("--write");
    GeneratedSections sections = sections();
    int drifted = 0;
    for (Path file : documents(Path.of("."))) {
      if (write) {
        if (sections.write(file)) {
          System.out.println("docs: regenerated " + file);
        }
      } else {
        for (GeneratedSections.Drift d : sections.check(file)) {
          System.out.println(d);
          drifted++;
        }
      }
    }
    if (!write) {
      for (String problem : HandoutFacts.problems(Path.of("."))) {
        System.out.println(problem);
        drifted++;
      }
    }
    System.exit(drifted == 0 ? 0 : 1);
  }
}
