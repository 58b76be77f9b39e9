package cli;

import java.nio.file.Path;

/**
 * Where this run stands: the repository's root (the launchers start Java there), the folder the
 * user typed the command in (relative paths on the command line are relative to it), the build
 * whose classes this JVM runs, and whether it may skip looking at the sources.
 *
 * @param prebuilt a JVM started on built classes (a child): it does not build
 * @param mavenBuilt the bootstrap has just built {@link #build} with Maven
 */
record Workspace(Path root, Path callerDir, Path build, boolean prebuilt, boolean mavenBuilt) {

  static Workspace current() {
    Path here = Path.of("").toAbsolutePath();
    Path root = Path.of(System.getProperty("raftlab.root", here.toString())).toAbsolutePath();
    String caller = System.getenv("RAFTLAB_CALLER_DIR");
    return new Workspace(
        root,
        caller == null || caller.isEmpty() ? here : Path.of(caller).toAbsolutePath(),
        Path.of(System.getProperty("raftlab.build", root.resolve("target").toString())),
        Boolean.getBoolean("raftlab.prebuilt"),
        Boolean.getBoolean("raftlab.mavenBuilt"));
  }

  /** A path from the command line, relative to where the user typed it. */
  Path fromCaller(String path) {
    return callerDir.resolve(path).normalize();
  }
}
