package cli;

import grading.Grade;
import grading.Selection;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import labs.Lab;
import labs.Registry;

/**
 * The run whose loaded classes become the class-data-sharing archive (see {@link FastStart}): it
 * does what a real run does, in brief, so that the classes a real run needs are the ones archived.
 * It parses a command line, scans the sources, compiles the student's code with javac into the
 * empty folder at the end of its classpath, starts the first test of each lab for a moment, and
 * loads every given class. The JVM lists each class it loaded; {@link FastStart} takes the
 * student's out of that list before it writes the archive.
 *
 * <pre>
 * java -XX:DumpLoadedClassList=L -cp ...:GIVEN_JAR:...:WARM cli.WarmUp SRC WARM GIVEN_JAR
 * </pre>
 */
public final class WarmUp {
  private static final long TEST_MILLIS = 1500;

  private WarmUp() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(System.getProperty("raftlab.root"));
    Path build = Path.of(System.getProperty("raftlab.build"));
    Path warm = Path.of(args[1]);
    Target t = new Target("warm-up", root, Path.of(args[0]), build, null, true);
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    System.setOut(quiet);
    System.setErr(quiet);

    Request.parse(new String[] {"-t", "testInitialElection3A", "--seed", "1", "3A"})
        .check(new Workspace(root, root, build, true, false));
    ChangeDetector.plan(t, ChangeDetector.scan(t));
    JavacBuild.compile(t, warm, quiet);

    for (Lab lab : Registry.labs()) {
      String part = lab.parts().get(0).name();
      Thread run =
          new Thread(
              () -> {
                try {
                  Grade.grade(
                      new Grade.Options(
                          new Selection(List.of(part), List.of()), true, null, false));
                } catch (Throwable e) {
                  // a warm-up: whatever did not load is loaded from the jar at run time
                }
              },
              "warm-up-" + part);
      run.setDaemon(true);
      run.start();
      run.join(TEST_MILLIS);
    }
    loadAll(Path.of(args[2]));

    System.exit(0); // the tests started above are abandoned; the JVM has listed its classes
  }

  /** Loads (without initializing) every class of {@code jar}. */
  private static void loadAll(Path jar) throws Exception {
    List<String> names = new ArrayList<>();
    try (JarFile f = new JarFile(jar.toFile())) {
      for (Enumeration<JarEntry> e = f.entries(); e.hasMoreElements(); ) {
        String n = e.nextElement().getName();
        if (n.endsWith(".class") && !n.contains("-")) {
          names.add(n.substring(0, n.length() - 6).replace('/', '.'));
        }
      }
    }
    ClassLoader loader = WarmUp.class.getClassLoader();
    for (String n : names) {
      try {
        Class.forName(n, false, loader);
      } catch (Throwable e) {
        // a class that needs the student's code, say: not archived
      }
    }
  }
}
