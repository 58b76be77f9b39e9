package batch;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import grading.GradescopeJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Grades a folder of submissions, one after another (the tests are timing-sensitive: never two at
 * once on a small machine), each with {@code ./grade.sh --submission}, and sums them up from their
 * {@code results.json}, never from what they print.
 *
 * <pre>
 * java -cp ... batch.GradeBatch ROOT SUBMISSIONS_DIR OUT_DIR [GRADE.SH OPTIONS] PART...
 * </pre>
 *
 * Each sub-folder of SUBMISSIONS_DIR is one submission. Writes {@code OUT_DIR/NAME.log} (the
 * output), {@code OUT_DIR/NAME.json} and {@code OUT_DIR/grades.csv}: {@code
 * name,score,max_score,passed,failed,flags}, where {@code flags} lists the integrity scan's kinds
 * of findings (empty if none).
 */
public final class GradeBatch {
  private GradeBatch() {}

  public static void main(String[] argv) throws IOException, InterruptedException {
    Path root = Path.of(argv[0]).toAbsolutePath();
    Path subs = Path.of(argv[1]).toAbsolutePath();
    Path out = Files.createDirectories(Path.of(argv[2]).toAbsolutePath());
    List<String> args = List.of(argv).subList(3, argv.length);
    List<String> csv = new ArrayList<>(List.of("name,score,max_score,passed,failed,flags"));
    List<Path> dirs;
    try (Stream<Path> list = Files.list(subs)) {
      dirs = list.filter(Files::isDirectory).sorted().toList();
    }
    for (Path dir : dirs) {
      String name = dir.getFileName().toString();
      System.err.println("grade-batch: " + name + " ...");
      Path json = out.resolve(name + ".json");
      Files.deleteIfExists(json);
      List<String> cmd =
          new ArrayList<>(
              List.of(
                  root.resolve("grade.sh").toString(),
                  "--submission",
                  dir.toString(),
                  "--json",
                  json.toString()));
      cmd.addAll(args);
      new ProcessBuilder(cmd)
          .directory(root.toFile())
          .redirectErrorStream(true)
          .redirectOutput(out.resolve(name + ".log").toFile())
          .start()
          .waitFor();
      csv.add(row(name, json));
    }
    Path grades = out.resolve("grades.csv");
    Files.write(grades, csv, StandardCharsets.UTF_8);
    System.err.println("grade-batch: wrote " + grades);
    csv.forEach(System.out::println);
  }

  /** The CSV row of one submission, from its results.json (zeros if there is none). */
  static String row(String name, Path json) throws IOException {
    int score = 0;
    int max = 0;
    int passed = 0;
    int failed = 0;
    List<String> flags = new ArrayList<>();
    if (!Files.exists(json)) {
      return String.join(",", quote(name), "0", "0", "0", "1", quote("no results"));
    }
    JsonObject results =
        JsonParser.parseString(Files.readString(json, StandardCharsets.UTF_8)).getAsJsonObject();
    for (JsonElement e : results.getAsJsonArray("tests")) {
      JsonObject t = e.getAsJsonObject();
      if (t.get("name").getAsString().equals(GradescopeJson.SCAN_ENTRY)) {
        for (JsonElement f : t.getAsJsonObject("extra_data").getAsJsonArray("flags")) {
          String rule = f.getAsString().substring(0, f.getAsString().indexOf(':'));
          if (!flags.contains(rule)) {
            flags.add(rule);
          }
        }
        continue;
      }
      max += t.get("max_score").getAsInt();
      boolean ok = "passed".equals(t.get("status").getAsString());
      passed += ok ? 1 : 0;
      failed += ok ? 0 : 1;
    }
    score = results.get("score").getAsInt();
    return String.join(
        ",",
        quote(name),
        "" + score,
        "" + max,
        "" + passed,
        "" + failed,
        quote(String.join("; ", flags)));
  }

  /** A CSV field, quoted when it needs to be (RFC 4180). */
  static String quote(String s) {
    if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
      return '"' + s.replace("\"", "\"\"") + '"';
    }
    return s;
  }
}
