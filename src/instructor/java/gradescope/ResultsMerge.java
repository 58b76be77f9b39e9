package gradescope;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import grading.GradescopeJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import labs.Part;

/**
 * One {@code results.json} from the parts' own: their tests in order, the integrity scan once (it
 * is the same for every part), the total score, and for a part whose grading left no results (the
 * grader was stopped) an entry worth that part's points that says so.
 */
final class ResultsMerge {
  private final JsonArray tests = new JsonArray();
  private JsonObject scan;
  private int score;
  private int passed;
  private int graded;

  /** Adds the results of {@code part} from {@code file}, or a failure if there are none. */
  void add(Part part, Path file) throws IOException {
    if (!Files.exists(file)) {
      JsonObject t = new JsonObject();
      t.addProperty("name", "Lab " + part.name());
      t.addProperty("number", part.name());
      t.addProperty("score", 0);
      t.addProperty("max_score", part.points());
      t.addProperty("status", "failed");
      t.addProperty(
          "output",
          "The grader wrote no results for part "
              + part.name()
              + "; the autograder's output says why.");
      tests.add(t);
      graded++;
      return;
    }
    JsonObject json =
        JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
    for (JsonElement e : json.getAsJsonArray("tests")) {
      JsonObject t = e.getAsJsonObject();
      if (t.get("name").getAsString().equals(GradescopeJson.SCAN_ENTRY)) {
        scan = scan == null ? t : scan;
        continue;
      }
      tests.add(t);
      graded++;
      passed += "passed".equals(t.get("status").getAsString()) ? 1 : 0;
      score += t.get("score").getAsInt();
    }
  }

  /** The merged results.json. */
  String json() {
    JsonObject out = new JsonObject();
    JsonArray all = tests.deepCopy();
    if (scan != null) {
      all.add(scan);
    }
    out.add("tests", all);
    out.addProperty("score", score);
    String summary = passed + " of " + graded + " tests passed.";
    if (scan != null
        && scan.has("visibility")
        && "visible".equals(scan.get("visibility").getAsString())) {
      // The scan took the points: say so first, with what it flagged (which API, where).
      summary =
          "Score 0: the integrity scan flagged this submission.\n"
              + scan.get("output").getAsString().strip()
              + "\n\n"
              + summary;
    }
    out.addProperty("output", summary);
    out.addProperty("stdout_visibility", "hidden");
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(out) + "\n";
  }
}
