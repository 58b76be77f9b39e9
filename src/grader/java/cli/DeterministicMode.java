package cli;

import java.io.File;
import java.io.IOException;
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
  /**
   * The parts whose tests a seed replays exactly (measured; see the instructor guide): a failing
   * test of these parts says how to look for its failure deterministically. Lab 4 runs under the
   * mode but is untried.
   */
  static final List<String> REPLAYED_PARTS = List.of("3A", "3B", "3C", "3D");

  private DeterministicMode() {}

  /**
   * The system properties that make a failing lab test print how to explore it deterministically
   * ({@code tester.TesterExtension#replayHint}), or none where the mode cannot run: a tree without
   * it (the student handout), Windows, or no JDK 25 found as {@code tools/deterministic.sh} finds
   * one.
   */
  static List<String> hintProperties(Path root, Request r, String launcher) {
    if (File.separatorChar == '\\'
        || !Request.Available.in(root).deterministic()
        || jdk25(System.getenv("JDK25_HOME")) == null) {
      return List.of();
    }
    return List.of(
        "raftlab.replayHint=" + launcher + " --deterministic" + (r.solution ? " --solution" : ""),
        "raftlab.replayParts=" + String.join(",", REPLAYED_PARTS));
  }

  /** A JDK 25 where tools/deterministic.sh looks for one (JDK25_HOME first), or null. */
  static Path jdk25(String home) {
    List<Path> candidates = new ArrayList<>();
    if (home != null && !home.isEmpty()) {
      candidates.add(Path.of(home));
    } else {
      for (String dir : List.of("/usr/lib/jvm", "/Library/Java/JavaVirtualMachines")) {
        try (var list = Files.list(Path.of(dir))) {
          list.filter(d -> d.getFileName().toString().contains("25"))
              .sorted()
              .forEach(
                  d ->
                      candidates.add(
                          d.resolve("Contents/Home").toFile().isDirectory()
                              ? d.resolve("Contents/Home")
                              : d));
        } catch (IOException | RuntimeException e) {
          // no such folder: nothing there
        }
      }
    }
    for (Path jdk : candidates) {
      if (Files.isExecutable(jdk.resolve("bin/jlink")) && isJava25(jdk.resolve("release"))) {
        return jdk;
      }
    }
    return null;
  }

  /** Whether a JDK's {@code release} file says version 25. */
  private static boolean isJava25(Path release) {
    try {
      return Files.readAllLines(release).stream().anyMatch(l -> l.startsWith("JAVA_VERSION=\"25"));
    } catch (IOException e) {
      return false;
    }
  }

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
