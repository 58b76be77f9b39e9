package gradescope;

import cli.FileTrees;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import labs.GradingCommand;
import labs.Part;
import labs.Registry;

/**
 * Gradescope's {@code run_autograder}, in Java: grades {@code ROOT/submission} part by part with
 * the very command GitHub Classroom runs ({@link GradingCommand#classroom}), plus {@code --json},
 * from {@code ROOT/source}, where the bundle holds {@code pristine/} (the student handout: no
 * solution) and a copy of the submission is put next to it as {@code submission/}. Then merges the
 * parts' results into {@code ROOT/results/results.json}.
 *
 * <pre>
 * java -cp ... gradescope.RunAutograder ROOT      (ROOT: /autograder on Gradescope)
 * </pre>
 */
public final class RunAutograder {
  private RunAutograder() {}

  public static void main(String[] argv) throws IOException, InterruptedException {
    Path root = Path.of(argv[0]).toAbsolutePath();
    Path source = root.resolve("source");
    AutograderConfig config = AutograderConfig.read(source.resolve("autograder.conf"));
    Path results = Files.createDirectories(root.resolve("results"));
    Path parts = Files.createDirectories(root.resolve("work"));
    FileTrees.delete(source.resolve("submission"));
    try {
      FileTrees.copy(root.resolve("submission"), source.resolve("submission"), false);
    } catch (IOException e) {
      // A symbolic link, say: graded as nothing, with the reason shown to the student.
      JsonObject refused = new JsonObject();
      refused.addProperty("score", 0);
      refused.addProperty("output", "The submission could not be taken: " + e.getMessage());
      Files.writeString(
          results.resolve("results.json"), refused.toString(), StandardCharsets.UTF_8);
      System.out.println("run_autograder: " + e.getMessage());
      return;
    }

    ResultsMerge merge = new ResultsMerge();
    for (String name : config.parts()) {
      Part part = Registry.part(name).orElseThrow();
      Path json = parts.resolve("results-" + part.name() + ".json");
      Files.deleteIfExists(json);
      String command =
          GradingCommand.classroom(part.name())
              + " --json "
              + json
              + (config.zeroIfFlagged() ? "" : " --allow-flagged");
      System.out.println("run_autograder: " + command);
      System.out.flush();
      ProcessBuilder pb =
          new ProcessBuilder("sh", "-c", command).directory(source.toFile()).inheritIO();
      pb.environment().putAll(config.limits());
      int status = pb.start().waitFor();
      System.out.println("run_autograder: part " + part.name() + " done (status " + status + ")");
      merge.add(part, json);
    }
    Files.writeString(results.resolve("results.json"), merge.json(), StandardCharsets.UTF_8);
    System.out.println("run_autograder: wrote " + results.resolve("results.json"));
  }
}
