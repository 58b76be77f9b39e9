package cli;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import labs.Registry;

/**
 * What makes a run start fast, prepared once after each Maven build: the JVM loads the 2,500
 * classes of JUnit, the tester, javac and this front end from a class-data-sharing archive instead
 * of parsing and verifying them again on every run.
 *
 * <p>Such an archive holds only classes from jar files, and Java 17 refuses to write one while a
 * folder on the classpath holds classes. So the given classes (everything Maven built but the
 * student's packages) go into {@code given.jar}; the student's classes, which change on every edit,
 * stay in {@code target/classes}, last on the classpath and never archived. The archive is written
 * by a warm-up run ({@link WarmUp}) whose classpath ends with an empty folder where it compiles the
 * student's code for a moment; it is empty again when the archive is written.
 *
 * <p>The result is {@code BUILD/cli/java.args}: the JVM options, the archive and the classpath,
 * which the launchers pass to {@code java}. Without an archive (a JVM that cannot write one) the
 * runs are correct, only slower to start.
 */
final class FastStart {
  static final String ARGS = "java.args";
  static final String MADE_FOR = "fast-start.properties";

  /** The options of every test JVM (as in the Go-like runs so far: one GC thread, small stacks). */
  static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xss1m");

  /** Keep the archive quiet: when it does not fit (another JVM), the run goes on without it. */
  static final List<String> ARCHIVE_QUIET =
      List.of("-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off");

  /** The sources of the launcher's first class, compiled for Java 8 (see {@link Bootstrap}). */
  static final List<String> BOOT_SOURCES =
      List.of("Bootstrap.java", "Requirements.java", "MavenBuild.java");

  private FastStart() {}

  /** Whether {@code t} has a java.args made for this JVM after its last Maven build. */
  static boolean ready(Target t) throws IOException {
    Path props = t.cli().resolve(MADE_FOR);
    if (!Files.isRegularFile(t.cli().resolve(ARGS)) || !Files.isRegularFile(props)) {
      return false;
    }
    Properties p = new Properties();
    try (var in = Files.newInputStream(props)) {
      p.load(in);
    }
    return System.getProperty("java.home").equals(p.getProperty("java.home"));
  }

  /** Forgets the fast start of {@code t}: its given classes changed. */
  static void invalidate(Target t) throws IOException {
    Files.deleteIfExists(t.cli().resolve(MADE_FOR));
  }

  /** Prepares the fast start of {@code t}; says so on {@code err}, as it takes a few seconds. */
  static void prepare(Target t, PrintStream err) throws IOException, InterruptedException {
    err.println(
        Requirements.launcher()
            + ": preparing a fast start (once per build, a few"
            + " seconds) ...");
    Path cli = t.cli();
    Files.createDirectories(cli);
    Files.deleteIfExists(cli.resolve(MADE_FOR));
    Path bootJar = bootJar(t.root());
    // New names each time: a running JVM (this one, say) keeps its jar and archive open, and
    // Windows cannot replace an open file.
    removeOld(cli);
    long version = System.currentTimeMillis();
    Path given = cli.resolve("given-" + version + ".jar");
    makeGivenJar(t, given);
    Path warm = cli.resolve("warm-up");
    JavacBuild.deleteTree(warm);
    Files.createDirectories(warm);

    // The archive's classpath, then the run's: the same with the student's classes at the end.
    List<String> archived = new ArrayList<>();
    if (bootJar != null) {
      archived.add(t.root().relativize(bootJar).toString()); // relative: survives a moved tree
    }
    archived.add(given.toString());
    archived.addAll(libraries(t));
    archived.add(warm.toString());
    List<String> run = new ArrayList<>(archived);
    run.add(t.classes().toString());

    List<String> properties = List.of("-Draftlab.root=" + t.root(), "-Draftlab.build=" + t.build());
    writeArgs(cli, JVM_OPTIONS, properties, run); // works already, if slower, should the dump fail
    // The folder java.args was made in, alone on a line, for grade.cmd: a tree that was moved or
    // copied starts over from the bootstrap (grade.sh finds the folder in java.args itself).
    Files.writeString(cli.resolve("root"), t.root().toString(), StandardCharsets.UTF_8);
    Path archive = cli.resolve("app-" + version + ".jsa");
    if (dumpArchive(t, archive, properties, archived, warm, given)) {
      List<String> jvm = new ArrayList<>(JVM_OPTIONS);
      jvm.add("-XX:SharedArchiveFile=" + archive);
      jvm.addAll(ARCHIVE_QUIET);
      List<String> props = new ArrayList<>(properties);
      props.add("-Draftlab.archive=" + archive);
      writeArgs(cli, jvm, props, run);
    }
    Properties madeFor = new Properties();
    madeFor.setProperty("java.home", System.getProperty("java.home"));
    try (OutputStream out = Files.newOutputStream(cli.resolve(MADE_FOR))) {
      madeFor.store(out, "the JVM that java.args and the archive were made for");
    }
  }

  /** Removes the jars and archives of earlier builds, where no running JVM still holds them. */
  private static void removeOld(Path cli) throws IOException {
    try (Stream<Path> files = Files.list(cli)) {
      for (Path f : files.toList()) {
        String n = f.getFileName().toString();
        if ((n.startsWith("given-") && n.endsWith(".jar"))
            || (n.startsWith("app-") && n.endsWith(".jsa"))) {
          try {
            Files.delete(f);
          } catch (IOException e) {
            // still open (Windows): removed after a later build
          }
        }
      }
    }
  }

  private static void writeArgs(
      Path cli, List<String> jvm, List<String> properties, List<String> classpath)
      throws IOException {
    List<String> args = new ArrayList<>(jvm);
    args.addAll(properties);
    args.add("-cp");
    args.add(JvmArgs.classpath(classpath, File.pathSeparator));
    Path tmp = cli.resolve(ARGS + ".tmp");
    Files.writeString(tmp, JvmArgs.argFile(args, System.lineSeparator()), StandardCharsets.UTF_8);
    Files.move(tmp, cli.resolve(ARGS), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  /** The libraries of the test classpath, as Maven listed them. */
  static List<String> libraries(Target t) throws IOException {
    String line = Files.readString(t.libraries(), StandardCharsets.UTF_8).trim();
    return line.isEmpty() ? List.of() : Arrays.asList(line.split(File.pathSeparator));
  }

  /** The given classes: the tests and every main class outside the student's packages. */
  static void makeGivenJar(Target t, Path jar) throws IOException {
    List<String> owned = Registry.studentPackages();
    Path tmp = jar.resolveSibling(jar.getFileName() + ".tmp");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(tmp))) {
      java.util.Set<String> written = new java.util.HashSet<>();
      addTree(out, t.testClasses(), rel -> true, written);
      addTree(out, t.classes(), rel -> !ChangeDetector.isStudentPath(rel, owned), written);
    }
    Files.move(tmp, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  /** Adds the files under {@code base} that {@code include} takes; {@code dirs}: entries so far. */
  private static void addTree(
      JarOutputStream out,
      Path base,
      java.util.function.Predicate<String> include,
      java.util.Set<String> dirs)
      throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(base)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path f : files) {
      String rel = base.relativize(f).toString().replace('\\', '/');
      if (!include.test(rel)) {
        continue;
      }
      // Folder entries first: class loaders look packages up by them.
      int slash = rel.indexOf('/');
      while (slash > 0) {
        String dir = rel.substring(0, slash + 1);
        if (dirs.add(dir)) {
          out.putNextEntry(new JarEntry(dir));
          out.closeEntry();
        }
        slash = rel.indexOf('/', slash + 1);
      }
      if (dirs.add(rel)) {
        out.putNextEntry(new JarEntry(rel));
        Files.copy(f, out);
        out.closeEntry();
      }
    }
  }

  /**
   * The launcher's first class and its helpers compiled for Java 8 into {@code target/cli/boot.jar}
   * (kept while their sources do not change), or null if this JDK cannot compile for Java 8.
   */
  static Path bootJar(Path root) throws IOException {
    Path jar = root.resolve("target/cli/boot.jar");
    Path dir = root.resolve("src/test/java/cli");
    List<Path> sources = BOOT_SOURCES.stream().map(dir::resolve).toList();
    if (Files.isRegularFile(jar) && sources.stream().allMatch(s -> olderThan(s, jar))) {
      return jar;
    }
    Path classes = root.resolve("target/cli/boot-classes");
    JavacBuild.deleteTree(classes);
    Files.createDirectories(classes);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> args =
        new ArrayList<>(
            List.of(
                "--release",
                "8",
                "-nowarn",
                "-Xlint:-options",
                "-encoding",
                "UTF-8",
                "-implicit:none",
                "-d",
                classes.toString()));
    sources.forEach(s -> args.add(s.toString()));
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    if (javac == null || javac.run(null, quiet, quiet, args.toArray(new String[0])) != 0) {
      Files.deleteIfExists(jar);
      return null;
    }
    Files.createDirectories(jar.getParent());
    Path tmp = jar.resolveSibling("boot.jar.tmp");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(tmp))) {
      addTree(out, classes, rel -> true, new java.util.HashSet<>());
    }
    Files.move(tmp, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return jar;
  }

  private static boolean olderThan(Path a, Path b) {
    try {
      return Files.getLastModifiedTime(a).compareTo(Files.getLastModifiedTime(b)) < 0;
    } catch (IOException e) {
      return false;
    }
  }

  /** Runs {@link WarmUp} in a JVM that writes the archive when it exits; true if it did. */
  private static boolean dumpArchive(
      Target t,
      Path archive,
      List<String> properties,
      List<String> classpath,
      Path warm,
      Path given)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(ChildJvm.java());
    cmd.addAll(JVM_OPTIONS);
    cmd.add("-XX:ArchiveClassesAtExit=" + archive);
    cmd.add("-Xlog:cds=off");
    cmd.add("-Xlog:cds+dynamic=off");
    cmd.addAll(properties);
    cmd.add("-cp");
    cmd.add(JvmArgs.classpath(classpath, File.pathSeparator));
    cmd.add("cli.WarmUp");
    cmd.add(t.src().toString());
    cmd.add(warm.toString());
    cmd.add(given.toString());
    Path log = t.cli().resolve("warm-up.log");
    Process p =
        new ProcessBuilder(cmd)
            .directory(t.root().toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
      return false;
    }
    return p.exitValue() == 0 && Files.isRegularFile(archive);
  }
}
