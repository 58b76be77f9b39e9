package cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code make bench}'s loop figure: how long a student waits, after saving {@code Raft.java}, for
 * the first line of a test ({@code Test (3A): ...}), and how long with nothing changed. It works on
 * a copy of the tree under {@code target/bench/tree}, so the student's own files are never edited,
 * and it times {@code ./grade.sh -t testInitialElection3A 3A} there, killing it at that line. With
 * {@code --go DIR} (a Go 6.5840 {@code raft} folder) it times {@code go test -run
 * TestInitialElection3A} there in the same way, in turns with the Java runs, for a side-by-side
 * figure from the same minutes of the same machine.
 *
 * <p>It prints the median of each: {@code grade loop: edit-to-first-line X s, unchanged Y s}.
 */
final class LoopBench {
  private static final String FIRST_LINE = "Test (";
  private static final long LIMIT_SECONDS = 120;

  private final int runs;
  private final String goDir;
  private final String shell;

  private LoopBench(int runs, String goDir, String shell) {
    this.runs = runs;
    this.goDir = goDir;
    this.shell = shell;
  }

  /** {@code ./grade.sh bench [--runs K] [--go DIR] [--shell SHELL]}. */
  static int run(String[] args) throws Exception {
    Options o = new Options();
    o.addOption(Args.valued(null, "runs", "K", "runs of each kind (default 5)"));
    o.addOption(
        Args.valued(null, "go", "DIR", "also time go test in DIR (a Go lab's raft" + " folder)"));
    o.addOption(Args.valued(null, "shell", "SHELL", "run grade.sh with this shell"));
    CommandLine cl = Args.parse(o, args);
    Long runs = Args.number(cl, "runs", "--runs");
    return new LoopBench(
            runs == null ? 5 : runs.intValue(), cl.getOptionValue("go"), cl.getOptionValue("shell"))
        .call();
  }

  private int call() throws Exception {
    Workspace ws = Workspace.current();
    Path tree = ws.root().resolve("target/bench/tree");
    copyTree(ws.root(), tree);
    List<String> grade = new ArrayList<>();
    if (shell != null) {
      grade.add(shell);
    }
    grade.addAll(List.of(tree.resolve("grade.sh").toString(), "-t", "testInitialElection3A", "3A"));
    Path raft = tree.resolve("src/main/java/raft/Raft.java");
    System.err.println("bench: first run in " + tree + " (builds with Maven; not timed) ...");
    firstLine(grade, tree);

    Path goRaft = goDir == null ? null : ws.fromCaller(goDir).resolve("raft.go");
    List<String> goTest = List.of("go", "test", "-run", "TestInitialElection3A");
    byte[] goOriginal = goRaft == null ? null : Files.readAllBytes(goRaft);
    if (goRaft != null) {
      firstLine(goTest, goRaft.getParent()); // Go's build cache, warm
    }
    List<Double> edit = new ArrayList<>();
    List<Double> same = new ArrayList<>();
    List<Double> goEdit = new ArrayList<>();
    List<Double> goSame = new ArrayList<>();
    try {
      for (int i = 1; i <= runs; i++) {
        touch(raft, "// bench edit " + i + "\n");
        edit.add(firstLine(grade, tree));
        same.add(firstLine(grade, tree));
        if (goRaft != null) {
          touch(goRaft, "// bench edit " + i + "\n");
          goEdit.add(firstLine(goTest, goRaft.getParent()));
          goSame.add(firstLine(goTest, goRaft.getParent()));
        }
      }
    } finally {
      if (goRaft != null) {
        Files.write(goRaft, goOriginal);
      }
    }
    System.out.printf(
        "grade loop: edit-to-first-line %.2f s, unchanged %.2f s%n", median(edit), median(same));
    if (goRaft != null) {
      System.out.printf(
          "go test loop: edit-to-first-line %.2f s, unchanged %.2f s%n",
          median(goEdit), median(goSame));
    }
    System.err.printf(
        "bench: all runs (s): edit %s, unchanged %s%s%n",
        edit, same, goRaft == null ? "" : "; go edit " + goEdit + ", go unchanged " + goSame);
    return 0;
  }

  /** Copies what a student's clone holds (not the build) into {@code tree}, afresh. */
  private static void copyTree(Path root, Path tree) throws IOException {
    JavacBuild.deleteTree(tree);
    Files.createDirectories(tree);
    for (String name : List.of("pom.xml", "grade.sh", "src")) {
      Path from = root.resolve(name);
      try (Stream<Path> walk = Files.walk(from)) {
        for (Path p : walk.toList()) {
          Path to = tree.resolve(root.relativize(p).toString());
          if (Files.isDirectory(p)) {
            Files.createDirectories(to);
          } else {
            Files.copy(p, to, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
          }
        }
      }
    }
  }

  private static void touch(Path file, String line) throws IOException {
    Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }

  /** Seconds from start to the first test line; the command is killed there. */
  static double firstLine(List<String> cmd, Path dir) throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    double seconds = -1;
    List<String> seen = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.contains(FIRST_LINE)) {
          seconds = (System.nanoTime() - t0) / 1e9;
          break;
        }
        seen.add(line);
        if ((System.nanoTime() - t0) / 1e9 > LIMIT_SECONDS) {
          break;
        }
      }
    } finally {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
    }
    if (seconds < 0) {
      throw new IOException(
          String.join(" ", cmd) + " printed no test line:\n" + String.join("\n", seen));
    }
    return seconds;
  }

  static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    Collections.sort(s);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }
}
