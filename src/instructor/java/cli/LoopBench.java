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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * <p>Each edit changes what the edited class prints when it is loaded ({@code raftlab-bench-edit
 * N}), and each run is read on past the first test line until that line shows up: a run that loaded
 * any other version of the class (an archived one, an old one) fails the benchmark, which then
 * reports no figure. Only then does it print the median of each: {@code grade loop:
 * edit-to-first-line X s, unchanged Y s}.
 */
final class LoopBench {
  private static final String FIRST_LINE = "Test (";
  private static final String MARK = "raftlab-bench-edit ";
  private static final Pattern MARK_LINE =
      Pattern.compile("\\n  static \\{ System.out.println\\(\"" + MARK + "\\d+\"\\); \\}\\n");
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
    markEdit(raft, 0);
    firstLine(grade, tree, MARK + 0);

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
        markEdit(raft, i);
        edit.add(firstLine(grade, tree, MARK + i));
        same.add(firstLine(grade, tree, MARK + i));
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
  static void copyTree(Path root, Path tree) throws IOException {
    FileTrees.delete(tree);
    Files.createDirectories(tree);
    for (String name : List.of("pom.xml", "grade.sh", "src")) {
      FileTrees.copy(root.resolve(name), tree.resolve(name), true);
    }
  }

  /** Appends {@code line} to {@code file}: an edit of the Go lab's raft.go. */
  private static void touch(Path file, String line) throws IOException {
    Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }

  /**
   * Edits the class in {@code file} so that it prints {@code raftlab-bench-edit N} when it is
   * loaded: a line in its first class body, replaced by each edit.
   */
  static void markEdit(Path file, int n) throws IOException {
    String text =
        MARK_LINE.matcher(Files.readString(file, StandardCharsets.UTF_8)).replaceAll("\n");
    Matcher body = Pattern.compile("\\bclass \\w+[^{]*\\{\\n").matcher(text);
    if (!body.find()) {
      throw new IOException("no class body in " + file + " to edit");
    }
    String line = "\n  static { System.out.println(\"" + MARK + n + "\"); }\n";
    Files.writeString(
        file,
        text.substring(0, body.end() - 1) + line + text.substring(body.end()),
        StandardCharsets.UTF_8);
  }

  /** Seconds from start to the first test line; the command is killed there. */
  static double firstLine(List<String> cmd, Path dir) throws IOException, InterruptedException {
    return firstLine(cmd, dir, null);
  }

  /**
   * Seconds from start to the first test line. With {@code mark}, the output is read on until the
   * line {@code mark} shows that the edited class ran; any other mark, or none before the limit, is
   * an error: the run did not run the edit. The command is killed then.
   */
  static double firstLine(List<String> cmd, Path dir, String mark)
      throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    double seconds = -1;
    List<String> seen = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      boolean marked = mark == null;
      while ((line = in.readLine()) != null) {
        if (seconds < 0 && line.contains(FIRST_LINE)) {
          seconds = (System.nanoTime() - t0) / 1e9;
        }
        if (mark != null && line.startsWith(MARK)) {
          if (!line.equals(mark)) {
            throw new IOException(
                String.join(" ", cmd)
                    + " ran another version of the edited class: it printed '"
                    + line
                    + "', the edit prints '"
                    + mark
                    + "'");
          }
          marked = true;
        }
        seen.add(line);
        if ((seconds >= 0 && marked) || (System.nanoTime() - t0) / 1e9 > LIMIT_SECONDS) {
          break;
        }
      }
      if (seconds >= 0 && !marked) {
        throw new IOException(
            String.join(" ", cmd)
                + " never printed '"
                + mark
                + "': the edit is not what ran:\n"
                + String.join("\n", seen));
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
