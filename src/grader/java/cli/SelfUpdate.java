package cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * A front end whose own sources changed since its last build (a {@code git pull} that brings new
 * options, say) rebuilds itself before it reads the command line: an older parser would reject the
 * new options with "Unrecognized option" until some other run rebuilt it. Its sources are the
 * grader's source root and the pom; they are compared with the snapshot of the last Maven build.
 */
final class SelfUpdate {
  private SelfUpdate() {}

  /** Whether this JVM runs a front end older than its sources. */
  static boolean needed(Workspace ws) throws IOException {
    // Only a front end that a launcher started (it names the root): the project's own tests call
    // Main in Maven's JVM, which must not rebuild the tree under itself.
    return System.getProperty("raftlab.root") != null && outOfDate(ws);
  }

  /** Whether the front end's sources differ from those of the last Maven build of {@code ws}. */
  static boolean outOfDate(Workspace ws) throws IOException {
    Target t = Target.student(ws.root());
    if (ws.prebuilt() || ws.mavenBuilt() || !ws.build().equals(t.build())) {
      return false; // a child of a run that built, or the bootstrap's first build
    }
    if (!ChangeDetector.isBuilt(t)) {
      return false;
    }
    SourceSnapshot recorded = SourceSnapshot.read(t.cli().resolve(ChangeDetector.GIVEN));
    if (recorded == null) {
      // Built by Maven alone (the Gradescope bundle's setup.sh, say), from the sources it sees:
      // nothing says they changed since, and the usual run records the snapshot.
      return false;
    }
    return !frontEnd(ws.root()).changedSince(only(recorded, "grader/", "pom.xml")).isEmpty();
  }

  /**
   * Rebuilds the tree and runs {@code args} in a JVM of the new front end, started as the launcher
   * starts one: it makes the same checks and builds as any run (a submission is still built
   * afresh), and finds its own sources up to date.
   */
  static int rebuildAndRun(Workspace ws, String[] args, PrintStream err)
      throws IOException, InterruptedException {
    err.println(Requirements.launcher() + ": its own sources changed; rebuilding it first ...");
    Target t = Target.student(ws.root());
    if (Builder.update(t, ws, err) == Builder.Outcome.FAILED) {
      return 1;
    }
    return ChildJvm.runFrontEnd(t, args);
  }

  /** The front end's sources as they are now, keyed as {@link ChangeDetector#scan} keys them. */
  private static SourceSnapshot frontEnd(Path root) {
    return SourceSnapshot.of(
        Map.of("grader", root.resolve("src/grader"), "pom.xml", root.resolve("pom.xml")),
        (rel, p) -> true);
  }

  /** The entries of {@code s} whose keys start with one of {@code prefixes}. */
  private static SourceSnapshot only(SourceSnapshot s, String... prefixes) {
    Map<String, String> kept = new TreeMap<>();
    s.files()
        .forEach(
            (k, v) -> {
              for (String prefix : prefixes) {
                if (k.startsWith(prefix)) {
                  kept.put(k, v);
                }
              }
            });
    return new SourceSnapshot(kept);
  }
}
