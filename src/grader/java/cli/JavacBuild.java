package cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import labs.Registry;

/**
 * The fast path of the edit-test loop: when only the student's packages changed, the JDK's own
 * compiler (the {@code javax.tools} API, in this JVM) compiles just them against the classes and
 * libraries Maven built last time, as Maven would ({@code --release 17}, UTF-8). That takes a few
 * hundred milliseconds instead of the seconds Maven needs to start. Errors are javac's own, in its
 * format: {@code src/main/java/raft/Raft.java:42: error: ...}.
 */
public final class JavacBuild {
  private JavacBuild() {}

  /**
   * Compiles the student's packages of {@code t} into its classes folder, after removing their old
   * classes (a deleted source must not leave its class behind). Prints the errors to {@code err}
   * and returns false if they do not compile.
   */
  static boolean compileStudentPackages(Target t, PrintStream err) throws IOException {
    deleteStudentClasses(t);
    return compile(t, t.classes(), err);
  }

  /** Removes the compiled classes of the student's packages from {@code t}'s classes folder. */
  static void deleteStudentClasses(Target t) throws IOException {
    for (String pkg : Registry.studentPackages()) {
      FileTrees.delete(t.classes().resolve(pkg.replace('.', '/')));
    }
  }

  /** Compiles the student's packages of {@code t} into {@code out}. */
  static boolean compile(Target t, Path out, PrintStream err) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      err.println(
          Requirements.launcher()
              + ": "
              + Requirements.javaProblem(
                  Runtime.version().feature(), System.getenv("JAVA_HOME"), false));
      return false;
    }
    List<Path> sources = studentSources(t);
    if (sources.isEmpty()) {
      return true;
    }
    String classpath =
        t.classes()
            + java.io.File.pathSeparator
            + Files.readString(t.mainLibraries(), StandardCharsets.UTF_8).trim();
    StringWriter messages = new StringWriter();
    boolean ok =
        compileSources(
            sources.stream().map(JavacBuild::asTyped).toList(), out, classpath, messages);
    if (!ok) {
      err.print(messages);
      err.flush();
    }
    return ok;
  }

  /**
   * Compiles {@code sources} into {@code out} as Maven does ({@code --release 17}, UTF-8, no
   * annotation processing) against {@code classpath}; javac's messages go to {@code messages}.
   * Returns whether they compiled. Also what {@code make validate} compiles each variant with.
   */
  public static boolean compileSources(
      List<Path> sources, Path out, String classpath, StringWriter messages) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> options =
        List.of(
            "--release",
            "17",
            "-encoding",
            "UTF-8",
            "-proc:none",
            "-d",
            out.toString(),
            "-cp",
            classpath);
    Files.createDirectories(out);
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
      Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(sources);
      return javac.getTask(messages, files, null, options, null, units).call();
    }
  }

  /** Every source file of the student's packages, as paths relative to where the JVM runs. */
  static List<Path> studentSources(Target t) throws IOException {
    List<Path> out = new ArrayList<>();
    for (String pkg : Registry.studentPackages()) {
      Path dir = t.src().resolve(pkg.replace('.', '/'));
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p))
            .sorted()
            .forEach(out::add);
      }
    }
    return out;
  }

  /** A path relative to the working folder if it is inside it: javac prints paths as given. */
  private static Path asTyped(Path p) {
    Path here = Path.of("").toAbsolutePath();
    Path abs = p.toAbsolutePath();
    return abs.startsWith(here) ? here.relativize(abs) : abs;
  }
}
