package cli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./grade.sh --deterministic}: hands the run to {@code tools/deterministic.sh}, which builds
 * the Maven profile {@code deterministic} and starts {@code deterministic.Deterministic} on Fray's
 * instrumented JDK 25 (see the instructor guide, "Deterministic mode (experimental)"). The front
 * end only checks the options and passes them on; the script needs a POSIX shell, so not on
 * Windows.
 */
final class DeterministicMode {
  private DeterministicMode() {}

  static int run(Path root, Request r) throws Exception {
    if (File.separatorChar == '\\') {
      throw new UsageError(
          "--deterministic needs a POSIX shell and Fray's Linux or macOS agent; on Windows, run"
              + " it in WSL");
    }
    Path script = root.resolve("tools/deterministic.sh");
    if (!Files.isRegularFile(script)) {
      throw new UsageError("--deterministic needs " + script + ", which this tree does not have");
    }
    Process p = new ProcessBuilder(command(script, r)).inheritIO().start();
    return p.waitFor();
  }

  /** The script's command line for the options of {@code r}. */
  static List<String> command(Path script, Request r) {
    List<String> cmd = new ArrayList<>(List.of("sh", script.toString()));
    if (r.solution) {
      cmd.add("--solution");
    }
    if (r.seed != null) {
      cmd.addAll(List.of("--seed", r.seed.toString()));
    }
    if (r.explore != null) {
      cmd.addAll(List.of("--explore", r.explore.toString()));
    }
    for (String t : r.tests) {
      cmd.addAll(List.of("-t", t));
    }
    cmd.addAll(r.parts);
    return cmd;
  }
}
