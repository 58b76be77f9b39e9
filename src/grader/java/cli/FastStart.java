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
 * <p>The archive must never hold a class of the student's: a class in the archive is loaded from it
 * before the classpath is searched, so an archived {@code raft.Raft} would be what runs after every
 * edit. So the archive is written in three steps:
 *
 * <ol>
 *   <li>a warm-up run ({@link WarmUp}) does what a real run does, in brief, with the student's code
 *       compiled into a folder of its own, and lists every class it loads ({@code
 *       -XX:DumpLoadedClassList});
 *   <li>the student's classes are taken out of that list ({@link ClassList}), and a JVM whose
 *       classpath holds only jars (the given classes in {@code given.jar}, the libraries) writes
 *       the archive from it ({@code -Xshare:dump}): the student's classes are not even on its
 *       classpath;
 *   <li>the archive's classes are listed by the JVM ({@link ArchiveContents}) and checked: if any
 *       is a student's ({@link StudentClasses}), the archive is deleted and the runs go on without
 *       it.
 * </ol>
 *
 * <p>A run's classpath is the archive's followed by {@code target/classes}, where the student's
 * classes are compiled after every edit. The result is {@code BUILD/cli/java.args}: the JVM
 * options, the archive and the classpath, which the launchers pass to {@code java}. Without an
 * archive (a JVM that cannot write one) the runs are correct, only slower to start.
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
    // The archive's classpath (jars only), then the run's: the same with the student's classes.
    List<String> archived = new ArrayList<>();
    if (bootJar != null) {
      archived.add(t.root().relativize(bootJar).toString()); // relative: survives a moved tree
    }
    archived.add(given.toString());
    archived.addAll(libraries(t));
    List<String> run = new ArrayList<>(archived);
    run.add(t.classes().toString());

    List<String> properties = List.of("-Draftlab.root=" + t.root(), "-Draftlab.build=" + t.build());
    writeArgs(cli, JVM_OPTIONS, properties, run); // works already, if slower, should the dump fail
    // The folder java.args was made in, alone on a line, for grade.cmd: a tree that was moved or
    // copied starts over from the bootstrap (grade.sh finds the folder in java.args itself).
    Files.writeString(cli.resolve("root"), t.root().toString(), StandardCharsets.UTF_8);
    Path archive = cli.resolve("app-" + version + ".jsa");
    if (writeArchive(t, archive, properties, archived, run, given, err)) {
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
    Path dir = root.resolve("src/grader/java/cli");
    List<Path> sources = BOOT_SOURCES.stream().map(dir::resolve).toList();
    if (Files.isRegularFile(jar) && sources.stream().allMatch(s -> olderThan(s, jar))) {
      return jar;
    }
    Path classes = root.resolve("target/cli/boot-classes");
    FileTrees.delete(classes);
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

  /**
   * Writes the archive in the three steps of the class comment; true if it is there and holds no
   * class of the student's. Says on {@code err} why an archive was thrown away.
   */
  private static boolean writeArchive(
      Target t,
      Path archive,
      List<String> properties,
      List<String> archived,
      List<String> run,
      Path given,
      PrintStream err)
      throws IOException, InterruptedException {
    Path cli = t.cli();
    Path warm = cli.resolve("warm-up");
    FileTrees.delete(warm);
    Files.createDirectories(warm);
    Path loaded = cli.resolve("loaded-classes.list");
    Path kept = cli.resolve("archived-classes.list");
    Files.deleteIfExists(loaded);

    // 1. The warm-up, with the student's code compiled into `warm` at the end of its classpath.
    List<String> warmClasspath = new ArrayList<>(archived);
    warmClasspath.add(warm.toString());
    List<String> warmUp = new ArrayList<>(List.of(ChildJvm.java()));
    warmUp.addAll(JVM_OPTIONS);
    warmUp.add("-XX:DumpLoadedClassList=" + loaded);
    warmUp.addAll(properties);
    warmUp.addAll(
        List.of(
            "-cp",
            JvmArgs.classpath(warmClasspath, File.pathSeparator),
            "cli.WarmUp",
            t.src().toString(),
            warm.toString(),
            given.toString()));
    boolean warmed = runLogged(t, warmUp, cli.resolve("warm-up.log"));
    FileTrees.delete(warm);
    if (!warmed || !Files.isRegularFile(loaded)) {
      return false;
    }

    // 2. The archive, from the list without the student's classes, by a JVM of jars only.
    StudentClasses students = StudentClasses.of(given);
    ClassList.withoutStudentClasses(loaded, kept, students);
    List<String> dump = new ArrayList<>(List.of(ChildJvm.java()));
    dump.addAll(JVM_OPTIONS);
    dump.addAll(
        List.of(
            "-Xshare:dump",
            "-XX:SharedClassListFile=" + kept,
            "-XX:SharedArchiveFile=" + archive,
            "-cp",
            JvmArgs.classpath(archived, File.pathSeparator)));
    if (!runLogged(t, dump, cli.resolve("archive-dump.log")) || !Files.isRegularFile(archive)) {
      Files.deleteIfExists(archive);
      return false;
    }

    // 3. The check: what the JVM says the archive holds.
    List<String> wrong;
    try {
      wrong =
          ArchiveContents.list(ChildJvm.java(), archive, run, t.root()).stream()
              .filter(students::isStudents)
              .toList();
    } catch (IOException e) {
      err.println(Requirements.launcher() + ": no fast start: " + e.getMessage());
      Files.deleteIfExists(archive);
      return false;
    }
    if (!wrong.isEmpty()) {
      err.println(
          Requirements.launcher()
              + ": the class-data archive held classes of yours ("
              + String.join(", ", wrong)
              + "); it was deleted, and runs start without it. Please report this: it is a bug"
              + " of raftlab, not of your code.");
      Files.deleteIfExists(archive);
      return false;
    }
    return true;
  }

  /** Runs {@code cmd} in the tree's root, its output to {@code log}; true if it exited with 0. */
  private static boolean runLogged(Target t, List<String> cmd, Path log)
      throws IOException, InterruptedException {
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
    return p.exitValue() == 0;
  }
}
