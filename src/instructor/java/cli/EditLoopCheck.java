package cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The edit loop as a student lives it, end to end ({@code make check-edit-loop}, part of {@code
 * make test}): in a fresh copy of the tree, through {@code ./grade.sh} and its fast path, the
 * student's edits must be what runs, on the very next run, every time.
 *
 * <ol>
 *   <li>the untouched skeleton fails {@code testInitialElection3A};
 *   <li>the reference's {@code raft} copied in passes it (javac's fast path, the class-data archive
 *       in use);
 *   <li>the skeleton put back fails it again;
 *   <li>the same for Lab 4's {@code testBasic4A}: the reference's {@code raft} and {@code kvraft}
 *       pass it, the skeleton's {@code kvraft} put back fails it;
 *   <li>the tree moved to another folder (its fast start names the old one, so it starts over from
 *       the bootstrap), and files copied in with their old times ({@code cp -p}), older than the
 *       classes built from the files they replace: the skeleton fails, the reference passes.
 * </ol>
 *
 * under this JDK and then, when one is given ({@code --jdk DIR}, a JDK 25 say), another in the same
 * tree (which prepares the fast start anew); the runs go through {@code sh}, and one each through
 * dash and macOS's bash 3.2 when they are at hand. Each run's verdict is read from its {@code
 * --json} results, never from its printed text. At the end, the archive that the last runs used is
 * listed by the JVM: it must hold given classes and none of the student's.
 *
 * <pre>
 * java -cp ... cli.EditLoopCheck ROOT [--jdk DIR] [--shell SHELL]...
 * </pre>
 */
public final class EditLoopCheck {
  private final Path root;
  private Path tree;
  private final List<String> shells;
  private int shellTurn;
  private final List<String> failures = new ArrayList<>();

  private EditLoopCheck(Path root, Path tree, List<String> shells) {
    this.root = root;
    this.tree = tree;
    this.shells = shells;
  }

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]).toAbsolutePath().normalize();
    List<Path> jdks = new ArrayList<>();
    jdks.add(Path.of(System.getProperty("java.home")));
    List<String> shells = new ArrayList<>(List.of("sh"));
    for (int i = 1; i < args.length; i += 2) {
      switch (args[i]) {
        case "--jdk" -> jdks.add(Path.of(args[i + 1]));
        case "--shell" -> shells.add(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Path tree = root.resolve("target/edit-loop/tree");
    EditLoopCheck check = new EditLoopCheck(root, tree, shells);
    check.freshCopy();
    for (Path jdk : jdks) {
      check.studentLoop(jdk);
    }
    check.movedTreeAndOldTimes(jdks.get(0));
    check.archiveHoldsNoStudentClass();
    if (!check.failures.isEmpty()) {
      System.out.println("check-edit-loop FAILED:");
      check.failures.forEach(f -> System.out.println("  " + f));
      System.out.println("0 passed, " + check.failures.size() + " failed");
      System.exit(1);
    }
    System.out.println(
        "check-edit-loop: every edit was what ran, under " + jdks + " and " + shells);
  }

  /** The student's loop under {@code jdk}: skeleton, reference, skeleton, for Lab 3 and Lab 4. */
  private void studentLoop(Path jdk) throws Exception {
    String lab3 = "testInitialElection3A";
    String lab4 = "testBasic4A";
    // Begin: the skeleton as handed out.
    putSkeleton("raft");
    putSkeleton("kvraft");
    expect(jdk, lab3, "3A", false, "the untouched skeleton");

    // Act: the student writes a correct Raft; the very next run must run it.
    putReference("raft");
    expect(jdk, lab3, "3A", true, "the reference's raft copied in");
    usesTheFastStart(jdk);

    // Undo: the skeleton is back; its failure must be back too.
    putSkeleton("raft");
    expect(jdk, lab3, "3A", false, "the skeleton's raft put back");

    // Lab 4: a correct Raft and Rsm pass, the skeleton's Rsm fails again.
    putReference("raft");
    putReference("kvraft");
    expect(jdk, lab4, "4A", true, "the reference's raft and kvraft copied in");
    putSkeleton("kvraft");
    expect(jdk, lab4, "4A", false, "the skeleton's kvraft put back");
    putReference("kvraft");
    expect(jdk, lab4, "4A", true, "the reference's kvraft copied in again");
  }

  /** The tree moved, then packages copied in with their old modification times. */
  private void movedTreeAndOldTimes(Path jdk) throws Exception {
    Path moved = tree.resolveSibling("moved");
    Files.move(tree, moved);
    tree = moved;
    replacePackage(root.resolve("src/main/java"), "raft", true);
    expect(jdk, "testInitialElection3A", "3A", false, "moved; the skeleton's raft with old times");
    replacePackage(root.resolve("solution/src/main/java"), "raft", true);
    expect(jdk, "testInitialElection3A", "3A", true, "moved; the reference's raft with old times");
  }

  /** Runs one test through {@code ./grade.sh} and checks its verdict. */
  private void expect(Path jdk, String test, String part, boolean pass, String what)
      throws Exception {
    String shell = shells.get(shellTurn++ % shells.size());
    Path json = tree.resolveSibling("results.json");
    Files.deleteIfExists(json);
    List<String> cmd = List.of(shell, "./grade.sh", "--json", json.toString(), "-t", test, part);
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .directory(tree.toFile())
            .redirectErrorStream(true)
            .redirectOutput(tree.resolveSibling("last-run.log").toFile());
    Map<String, String> env = pb.environment();
    env.put("JAVA_HOME", jdk.toString());
    env.put("PATH", jdk.resolve("bin") + java.io.File.pathSeparator + env.get("PATH"));
    int status = pb.start().waitFor();
    String label = jdk.getFileName() + ", " + shell + ": " + what + ", " + test;
    Boolean passed = verdict(json, test);
    System.out.println(
        "check-edit-loop: "
            + label
            + " -> "
            + (passed == null ? "no verdict" : passed ? "passed" : "failed")
            + " (exit "
            + status
            + ")");
    if (passed == null || passed != pass || (status == 0) != pass) {
      failures.add(
          label
              + ": expected it to "
              + (pass ? "pass" : "fail")
              + ", it "
              + (passed == null ? "gave no verdict" : passed ? "passed" : "failed")
              + " (exit "
              + status
              + "); its output:\n"
              + Files.readString(tree.resolveSibling("last-run.log")));
    }
  }

  /** The test's status in the results file, or null if it has none. */
  private static Boolean verdict(Path json, String test) throws IOException {
    if (!Files.isRegularFile(json)) {
      return null;
    }
    JsonObject results = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
    for (JsonElement e : results.getAsJsonArray("tests")) {
      JsonObject t = e.getAsJsonObject();
      if (t.get("name").getAsString().contains(test)) {
        return "passed".equals(t.get("status").getAsString());
      }
    }
    return null;
  }

  /** The run just made came through java.args with a class-data archive. */
  private void usesTheFastStart(Path jdk) throws IOException {
    Path args = tree.resolve("target/cli/java.args");
    String text = Files.isRegularFile(args) ? Files.readString(args) : "";
    if (!text.contains("-XX:SharedArchiveFile=")) {
      failures.add(
          jdk.getFileName()
              + ": target/cli/java.args names no class-data archive, so this check did not"
              + " test the fast start (see target/cli/warm-up.log and archive-dump.log)");
    }
  }

  /** The archive of the last runs holds the tester's classes and none of the student's. */
  private void archiveHoldsNoStudentClass() throws Exception {
    Target t = Target.student(tree);
    Path archive = null;
    Path given = null;
    try (Stream<Path> files = Files.list(t.cli())) {
      for (Path f : files.toList()) {
        String n = f.getFileName().toString();
        if (n.startsWith("app-") && n.endsWith(".jsa")) {
          archive = f;
        } else if (n.startsWith("given-") && n.endsWith(".jar")) {
          given = f;
        }
      }
    }
    if (archive == null || given == null) {
      failures.add("no archive or given jar in " + t.cli() + " to list");
      return;
    }
    String java = javaOf(tree.resolve("target/cli/fast-start.properties"));
    List<String> classes = ArchiveContents.list(java, archive, javaArgsClasspath(t), tree);
    StudentClasses students = StudentClasses.of(given);
    List<String> wrong = classes.stream().filter(students::isStudents).toList();
    System.out.println(
        "check-edit-loop: the archive holds "
            + classes.size()
            + " classes, "
            + wrong.size()
            + " of the student's");
    if (!classes.contains("raft.RaftTester") || !classes.contains("cli.Main")) {
      failures.add("the archive's listing lacks raft.RaftTester or cli.Main: not what ran");
    }
    if (!wrong.isEmpty()) {
      failures.add("the archive holds the student's classes " + wrong);
    }
  }

  /** The java of the JDK the fast start was made for. */
  private static String javaOf(Path madeFor) throws IOException {
    java.util.Properties p = new java.util.Properties();
    try (var in = Files.newInputStream(madeFor)) {
      p.load(in);
    }
    return Path.of(p.getProperty("java.home"), "bin", "java").toString();
  }

  /** The classpath that java.args gives the runs, with its relative entries made absolute. */
  private static List<String> javaArgsClasspath(Target t) throws IOException {
    List<String> lines = Files.readAllLines(t.cli().resolve(FastStart.ARGS));
    for (int i = 0; i + 1 < lines.size(); i++) {
      if (lines.get(i).equals("\"-cp\"")) {
        String cp = lines.get(i + 1).replaceAll("^\"|\"$", "");
        List<String> out = new ArrayList<>();
        for (String e : cp.split(java.io.File.pathSeparator)) {
          out.add(t.root().resolve(e).toString());
        }
        return out;
      }
    }
    throw new IOException("no -cp in " + t.cli().resolve(FastStart.ARGS));
  }

  /** A student's clone: the tree's pom, launcher and sources, without its build. */
  private void freshCopy() throws IOException {
    FileTrees.delete(tree.getParent());
    LoopBench.copyTree(root, tree);
  }

  private void putSkeleton(String pkg) throws IOException {
    replacePackage(root.resolve("src/main/java"), pkg, false);
  }

  private void putReference(String pkg) throws IOException {
    replacePackage(root.resolve("solution/src/main/java"), pkg, false);
  }

  /**
   * Replaces the copy's package {@code pkg} with the one under {@code from}, as a student would: as
   * an editor saves (new times), or as {@code cp -p} copies ({@code keepTimes}).
   */
  private void replacePackage(Path from, String pkg, boolean keepTimes) throws IOException {
    Path to = tree.resolve("src/main/java").resolve(pkg);
    FileTrees.delete(to);
    FileTrees.copy(from.resolve(pkg), to, keepTimes);
  }
}
