package cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs the front end again in a new JVM, already built: after Maven rebuilt the classes this JVM
 * has loaded, or to test another tree (the reference solution, a submission) whose classes must be
 * the new JVM's classpath, because the runners start each test's JVM with their own classpath.
 */
final class ChildJvm {
  private ChildJvm() {}

  /** {@code java @BUILD/cli/java.args cli.Bootstrap ARGS}, the way the launcher starts it. */
  static int runFast(Target t, String[] args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(java());
    cmd.add("@" + t.cli().resolve(FastStart.ARGS));
    cmd.add("-Draftlab.prebuilt=true");
    cmd.add("cli.Bootstrap");
    cmd.addAll(Arrays.asList(args));
    return run(cmd);
  }

  /**
   * {@code java @BUILD/cli/java.args cli.Bootstrap ARGS}, exactly as the launcher starts it: a run
   * that checks its sources and builds what changed (unlike {@link #runFast}, whose JVM is told
   * that everything is built).
   */
  static int runFrontEnd(Target t, String[] args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(java());
    cmd.add("@" + t.cli().resolve(FastStart.ARGS));
    cmd.add("cli.Bootstrap");
    cmd.addAll(Arrays.asList(args));
    return run(cmd);
  }

  /** The same for a build without a fast start (a submission): a plain classpath. */
  static int runPlain(Target t, List<String> libraries, String[] args)
      throws IOException, InterruptedException {
    return runPlain(t, libraries, args, List.of(), null);
  }

  /** As above, with more JVM options, in the working folder {@code dir} (null: this one's). */
  static int runPlain(
      Target t, List<String> libraries, String[] args, List<String> jvmOptions, Path dir)
      throws IOException, InterruptedException {
    List<String> entries = new ArrayList<>();
    entries.add(t.testClasses().toString());
    entries.add(t.classes().toString());
    entries.addAll(libraries);
    List<String> cmd = new ArrayList<>();
    cmd.add(java());
    cmd.addAll(FastStart.JVM_OPTIONS);
    cmd.add("-Draftlab.root=" + t.root());
    cmd.add("-Draftlab.build=" + t.build());
    cmd.add("-Draftlab.prebuilt=true");
    cmd.addAll(jvmOptions);
    cmd.add("-cp");
    cmd.add(JvmArgs.classpath(entries, java.io.File.pathSeparator));
    cmd.add("cli.Main");
    cmd.addAll(Arrays.asList(args));
    return run(cmd, dir);
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static int run(List<String> cmd) throws IOException, InterruptedException {
    return run(cmd, null);
  }

  private static int run(List<String> cmd, Path dir) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
    if (dir != null) {
      pb.directory(dir.toFile());
    }
    Process p = pb.start();
    // Ctrl-C reaches the child too (same process group): let it print its table before this JVM
    // exits and the shell prompt returns.
    Thread wait =
        new Thread(
            () -> {
              try {
                p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "cli-wait-for-child");
    Runtime.getRuntime().addShutdownHook(wait);
    return p.waitFor();
  }
}
