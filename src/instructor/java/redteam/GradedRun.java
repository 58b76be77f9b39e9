package redteam;

import com.google.gson.JsonArray;
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
import java.util.Optional;

/**
 * What {@code ./grade.sh --submission DIR --json FILE} produced: its exit status, its output (for
 * people, and for the check that the reference is not in it) and its {@code results.json}, read as
 * JSON through the fields the grader writes for tools ({@code extra_data}).
 */
record GradedRun(int status, String output, JsonObject json) {

  /** Runs {@code grade.sh} in {@code root} and reads what it wrote. */
  static GradedRun grade(Path root, Path submission, Path out, List<String> args)
      throws IOException, InterruptedException {
    // The attacks that hang are killed sooner than the tester's 120 s, to keep the suite short.
    return grade(root, submission, out, args, "20");
  }

  /** As above, with the grader's kill limit per test ({@code RAFTLAB_TEST_KILL_SECONDS}). */
  static GradedRun grade(
      Path root, Path submission, Path out, List<String> args, String killSeconds)
      throws IOException, InterruptedException {
    Path json = out.resolve(submission.getFileName() + ".json");
    Path log = out.resolve(submission.getFileName() + ".log");
    Files.deleteIfExists(json);
    List<String> cmd =
        new ArrayList<>(
            List.of(
                root.resolve("grade.sh").toString(),
                "--submission",
                submission.toString(),
                "--json",
                json.toString()));
    cmd.addAll(args);
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    pb.environment().put("RAFTLAB_TEST_KILL_SECONDS", killSeconds);
    // The thread bomb must meet the thread limit well before the kill limit. At the grader's
    // 10,000 it took 6.5 s on a quiet 2-core machine, and more than the 20 s above beside another
    // JVM of 1,200 threads, so the attack was "killed after 20 s" instead of stopped by the limit.
    // The attacked tests (Lab 3A) run a few dozen threads, so 1,000 still leaves room.
    pb.environment().put("RAFTLAB_MAX_THREADS", "1000");
    int status = pb.start().waitFor();
    JsonObject parsed = null;
    if (Files.exists(json)) {
      parsed =
          JsonParser.parseString(Files.readString(json, StandardCharsets.UTF_8)).getAsJsonObject();
    }
    return new GradedRun(status, Files.readString(log, StandardCharsets.UTF_8), parsed);
  }

  /** The entry of {@code test} in results.json. */
  Optional<JsonObject> test(String name) {
    if (json == null) {
      return Optional.empty();
    }
    for (JsonElement e : json.getAsJsonArray("tests")) {
      JsonObject t = e.getAsJsonObject();
      if (t.get("name").getAsString().equals(name)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  int score(String test) {
    return test(test).map(t -> t.get("score").getAsInt()).orElse(-1);
  }

  String message(String test) {
    return test(test)
        .map(t -> t.getAsJsonObject("extra_data").get("message").getAsString())
        .orElse("(no entry in results.json)");
  }

  /** The total score, and the most it could be. */
  int total() {
    return json == null ? -1 : json.get("score").getAsInt();
  }

  int max() {
    int max = 0;
    if (json != null) {
      for (JsonElement e : json.getAsJsonArray("tests")) {
        max += e.getAsJsonObject().get("max_score").getAsInt();
      }
    }
    return max;
  }

  /** The scan's flags, as written in results.json. */
  List<String> flags() {
    List<String> out = new ArrayList<>();
    test(GradescopeJson.SCAN_ENTRY)
        .ifPresent(
            t -> {
              JsonArray a = t.getAsJsonObject("extra_data").getAsJsonArray("flags");
              a.forEach(f -> out.add(f.getAsString()));
            });
    return out;
  }
}
