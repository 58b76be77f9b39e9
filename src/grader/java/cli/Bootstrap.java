package cli;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The class that {@code ./grade.sh} and {@code grade.cmd} start, in the repository's root. It is
 * Java 8 source and needs nothing but the JDK, for two reasons: an old Java can load it and be told
 * in one line that it is too old, and it can run before Maven has downloaded anything.
 *
 * <p>Every run after the first one comes through {@code target/cli/java.args}, which the front end
 * writes; then this class checks the Java and hands over to {@link Main} at once. On the first run
 * (no {@code java.args} yet) the launcher compiles this class with javac and starts it directly: it
 * checks Maven, builds the project once with {@code mvn test-compile} (showing progress), and
 * starts the front end in a new JVM, which prepares the fast start for the runs after it.
 */
public final class Bootstrap {
  private Bootstrap() {}

  public static void main(String[] args) throws Exception {
    String home = System.getProperty("java.home");
    String problem =
        Requirements.javaProblem(
            Requirements.javaFeature(System.getProperty("java.specification.version")),
            System.getenv("JAVA_HOME"),
            Requirements.hasJavac(home));
    if (problem != null) {
      System.err.println(Requirements.launcher() + ": " + problem);
      System.exit(2);
    }
    File root = new File("").getAbsoluteFile();
    String madeFor = System.getProperty("raftlab.root");
    if (madeFor != null && new File(madeFor).getCanonicalFile().equals(root.getCanonicalFile())) {
      handOver(args); // the usual way: a JVM started from target/cli/java.args
      return;
    }
    if (madeFor != null) {
      // The tree moved: its java.args names the old place. Start afresh.
      new File(root, "target/cli/java.args").delete();
    }
    System.exit(firstRun(root, args));
  }

  /** Calls {@code Main.main}, compiled for Java 17, which this Java 8 source cannot name. */
  private static void handOver(String[] args) throws Exception {
    try {
      Class.forName("cli.Main").getMethod("main", String[].class).invoke(null, (Object) args);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
    }
  }

  /** Builds the front end with Maven if it is not built yet, then runs it in a new JVM. */
  static int firstRun(File root, String[] args) throws IOException, InterruptedException {
    File build = new File(root, "target");
    File classpathFile = new File(build, "test-classpath.txt");
    boolean built =
        classpathFile.isFile() && new File(build, "test-classes/cli/Main.class").isFile();
    if (!built) {
      String mvn = MavenBuild.mavenOrExit(System.err);
      MavenBuild.checkVersionOrExit(mvn, root, System.err);
      // Classes left by an earlier, unfinished build could look newer than the sources to
      // Maven's compiler, which would then keep them: the first build starts from none.
      deleteTree(new File(build, "classes"));
      System.err.println(
          Requirements.launcher()
              + ": the first run builds the project with Maven"
              + " (the very first one also downloads its libraries: a minute or so)");
      if (!MavenBuild.run(
          mvn, root, new ArrayList<String>(), new File(build, "cli/maven.log"), System.err)) {
        System.err.println(
            Requirements.launcher() + ": the code does not compile; nothing was" + " tested");
        System.out.println("0 passed, 1 failed");
        return 1;
      }
    }
    String deps =
        new String(Files.readAllBytes(classpathFile.toPath()), StandardCharsets.UTF_8).trim();
    List<String> cmd = new ArrayList<String>();
    cmd.add(new File(System.getProperty("java.home"), "bin/java").getPath());
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-Xss1m");
    cmd.add("-Draftlab.root=" + root.getPath());
    cmd.add("-Draftlab.build=" + build.getPath());
    if (!built) {
      cmd.add("-Draftlab.mavenBuilt=true"); // the front end need not check the sources again
    }
    cmd.add("-cp");
    cmd.add(
        new File(build, "test-classes")
            + File.pathSeparator
            + new File(build, "classes")
            + File.pathSeparator
            + deps);
    cmd.add("cli.Main");
    cmd.addAll(Arrays.asList(args));
    return new ProcessBuilder(cmd).inheritIO().start().waitFor();
  }

  /** Deletes {@code dir} and everything in it, if it is there; a link is removed, not followed. */
  private static void deleteTree(File dir) {
    File[] children = Files.isSymbolicLink(dir.toPath()) ? null : dir.listFiles();
    if (children != null) {
      for (File c : children) {
        deleteTree(c);
      }
    }
    dir.delete();
  }
}
