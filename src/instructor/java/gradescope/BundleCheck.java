package gradescope;

import cli.FileTrees;
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
import labs.Registry;

/**
 * The test of the Gradescope bundle ({@code make test}): unpacks {@code
 * dist/gradescope-autograder.zip} into a temporary root laid out like Gradescope's {@code
 * /autograder} ({@code source/}, {@code submission/}, {@code results/}), sets the parts to 3A, and
 * runs the bundle's {@code run_autograder} (with {@code AUTOGRADER_ROOT} set to that root) on three
 * submissions: the reference must get full marks, the untouched skeleton 0 with Go's message on
 * every test, the forged submission of issue 17 (prints a pass, exits 0) 0, and the forgery of
 * issue 27 (a reflective facility no deny-list named) 0 with its flags shown to the student: all
 * with the bundle's own {@code autograder.conf} but for its parts. It also checks that the zip
 * holds no {@code solution/}. The setup script is not run: this machine has its JDK and Maven
 * already.
 *
 * <pre>
 * java -cp ... gradescope.BundleCheck REPO_ROOT
 * </pre>
 */
public final class BundleCheck {
  private BundleCheck() {}

  public static void main(String[] argv) throws IOException, InterruptedException {
    Path repo = Path.of(argv[0]).toAbsolutePath();
    Path zip = repo.resolve("dist/gradescope-autograder.zip");
    Path ag = Files.createTempDirectory("raftlab-autograder");
    List<String> problems = new ArrayList<>();
    try {
      Path source = Files.createDirectories(ag.resolve("source"));
      run(List.of("unzip", "-q", zip.toString(), "-d", source.toString()), repo, null);
      try (Stream<Path> walk = Files.walk(source)) {
        if (walk.anyMatch(p -> p.getFileName().toString().equals("solution"))) {
          problems.add("the bundle holds a solution/ folder");
        }
      }
      // The bundle's own configuration, defaults and all, with the parts cut to 3A.
      Path conf = source.resolve("autograder.conf");
      Files.writeString(
          conf,
          Files.readString(conf, StandardCharsets.UTF_8)
              .replaceAll("(?m)^parts = .*$", "parts = 3A"),
          StandardCharsets.UTF_8);
      int max = Registry.part("3A").orElseThrow().points();

      JsonObject ref = grade(ag, repo.resolve("solution/src/main/java"), true);
      expect(problems, "reference", score(ref) == max, "score " + score(ref) + ", not " + max);

      JsonObject skeleton = grade(ag, repo.resolve("src/main/java"), true);
      expect(problems, "skeleton", score(skeleton) == 0, "score " + score(skeleton));
      for (JsonObject t : tests(skeleton)) {
        String msg = t.getAsJsonObject("extra_data").get("message").getAsString();
        expect(
            problems,
            "skeleton",
            msg.equals("expected one leader, got none"),
            t.get("name").getAsString() + " failed with \"" + msg + "\"");
      }

      JsonObject forged = grade(ag, repo.resolve("tools/redteam/forged-pass-line"), false);
      expect(problems, "forged", score(forged) == 0, "score " + score(forged));

      // Issue 27: a forgery by a reflective facility that no list of forbidden APIs named. The
      // default configuration gives 0, and shows the student what was flagged.
      JsonObject lookup = grade(ag, repo.resolve("tools/redteam/lookup-by-name-forge"), false);
      expect(problems, "lookup-by-name-forge", score(lookup) == 0, "score " + score(lookup));
      expect(
          problems,
          "lookup-by-name-forge",
          scanEntry(lookup)
              .map(e -> e.get("visibility").getAsString().equals("visible"))
              .orElse(false),
          "the student does not see the scan's flags");
    } finally {
      FileTrees.delete(ag);
    }
    problems.forEach(p -> System.out.println("gradescope bundle check FAILED: " + p));
    if (problems.isEmpty()) {
      System.out.println(
          "gradescope bundle check: ok (reference full marks, skeleton, forged and flagged"
              + " submissions 0, no solution/ in the bundle)");
    }
    System.exit(problems.isEmpty() ? 0 : 1);
  }

  /** Puts {@code packages} (a folder holding raft/ ...) in as the submission and grades it. */
  private static JsonObject grade(Path ag, Path packages, boolean asRepository)
      throws IOException, InterruptedException {
    Path submission = ag.resolve("submission");
    FileTrees.delete(submission);
    FileTrees.delete(ag.resolve("results"));
    Path into = asRepository ? submission.resolve("src/main/java") : submission;
    for (String pkg : Registry.studentPackages()) {
      // Folders, not dotted names: Lab 5's shardkv.shardgrp is shardkv/shardgrp.
      String dir = pkg.replace('.', '/');
      if (Files.isDirectory(packages.resolve(dir))) {
        FileTrees.copy(packages.resolve(dir), into.resolve(dir), false);
      }
    }
    run(List.of(ag.resolve("source/run_autograder").toString()), ag, ag);
    Path results = ag.resolve("results/results.json");
    if (!Files.exists(results)) {
      return new JsonObject();
    }
    return JsonParser.parseString(Files.readString(results, StandardCharsets.UTF_8))
        .getAsJsonObject();
  }

  private static void run(List<String> cmd, Path dir, Path autograderRoot)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).inheritIO();
    if (autograderRoot != null) {
      pb.environment().put("AUTOGRADER_ROOT", autograderRoot.toString());
    }
    int status = pb.start().waitFor();
    if (status != 0) {
      throw new IOException(String.join(" ", cmd) + " ended with status " + status);
    }
  }

  private static int score(JsonObject results) {
    return results.has("score") ? results.get("score").getAsInt() : -1;
  }

  /** The graded tests (not the scan's entry). */
  private static List<JsonObject> tests(JsonObject results) {
    List<JsonObject> out = new ArrayList<>();
    if (results.has("tests")) {
      for (JsonElement e : results.getAsJsonArray("tests")) {
        if (!e.getAsJsonObject().get("name").getAsString().equals(GradescopeJson.SCAN_ENTRY)) {
          out.add(e.getAsJsonObject());
        }
      }
    }
    return out;
  }

  /** The scan's entry, if the results have one. */
  private static java.util.Optional<JsonObject> scanEntry(JsonObject results) {
    if (results.has("tests")) {
      for (JsonElement e : results.getAsJsonArray("tests")) {
        if (e.getAsJsonObject().get("name").getAsString().equals(GradescopeJson.SCAN_ENTRY)) {
          return java.util.Optional.of(e.getAsJsonObject());
        }
      }
    }
    return java.util.Optional.empty();
  }

  private static void expect(List<String> problems, String what, boolean ok, String detail) {
    if (!ok) {
      problems.add(what + ": " + detail);
    }
  }
}
