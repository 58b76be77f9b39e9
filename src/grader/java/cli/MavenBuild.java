package cli;

import java.io.BufferedReader;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs Maven ({@code mvn test-compile}) for the front end, and makes its output readable: while it
 * runs, one line of progress (the files it downloads on a first run, then "compiling"); when it
 * fails, the compiler's errors in javac's own format ({@code file:line: error: message}) or one
 * line that names the problem and its fix. Maven's full output goes to a log file.
 *
 * <p>Java 8 source, like {@link Bootstrap}, which runs it before anything else is built.
 */
final class MavenBuild {
  private static final Pattern ERROR_AT =
      Pattern.compile("^\\[ERROR\\] (.+\\.java):\\[(\\d+),(\\d+)\\] (.*)$");
  private static final Pattern DOWNLOADED =
      Pattern.compile("^(?:\\[INFO\\] )?Downloaded from [^:]+: \\S+ \\(([\\d.,]+) (B|kB|KB|MB|GB)");

  private MavenBuild() {}

  /**
   * The mvn command on {@code path} (the PATH variable, entries split by {@code separator}), or
   * null if there is none; on Windows, {@code mvn.cmd}.
   */
  static String findMaven(String path, String separator, boolean windows) {
    if (path == null) {
      return null;
    }
    String[] names = windows ? new String[] {"mvn.cmd", "mvn.bat"} : new String[] {"mvn"};
    for (String dir : path.split(Pattern.quote(separator))) {
      if (dir.isEmpty()) {
        continue;
      }
      for (String name : names) {
        File f = new File(dir, name);
        if (f.isFile()) {
          return f.getPath();
        }
      }
    }
    return null;
  }

  /** The mvn command of this machine, or exits with the line that says how to install it. */
  static String mavenOrExit(PrintStream err) {
    String mvn = findMaven(System.getenv("PATH"), File.pathSeparator, Requirements.isWindows());
    if (mvn == null) {
      err.println(
          Requirements.launcher()
              + ": Maven (mvn) is not on your PATH; raftlab needs Maven "
              + Requirements.MIN_MAVEN
              + " or newer: "
              + Requirements.mavenFix());
      System.exit(2);
    }
    return mvn;
  }

  /** Checks {@code mvn -version} once: exits with one line if Maven is too old or on old Java. */
  static void checkVersionOrExit(String mvn, File root, PrintStream err)
      throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(mvn, "-B", "-version").directory(root).redirectErrorStream(true).start();
    String out = readAll(p);
    p.waitFor();
    String problem = Requirements.mavenProblem(out);
    if (problem != null) {
      err.println(Requirements.launcher() + ": " + problem);
      System.exit(2);
    }
  }

  /**
   * Runs {@code mvn test-compile} in {@code root} with the given {@code -D} properties, showing
   * progress on {@code err} and keeping the output in {@code log}. Returns true if it built;
   * otherwise prints what went wrong (compile errors, or one line) and returns false.
   */
  static boolean run(String mvn, File root, List<String> properties, File log, PrintStream err)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<String>();
    cmd.add(mvn);
    cmd.add("-B");
    cmd.add("-Dstyle.color=never");
    cmd.addAll(properties);
    cmd.add("test-compile");
    log.getParentFile().mkdirs();
    Process p = new ProcessBuilder(cmd).directory(root).redirectErrorStream(true).start();
    p.getOutputStream().close();
    List<String> lines = new ArrayList<String>();
    Progress progress = new Progress(err);
    try (BufferedReader in =
            new BufferedReader(
                new InputStreamReader(p.getInputStream(), Charset.defaultCharset()));
        Writer out = new OutputStreamWriter(new FileOutputStream(log), Charset.defaultCharset())) {
      String line;
      while ((line = in.readLine()) != null) {
        out.write(line);
        out.write(System.lineSeparator());
        lines.add(line);
        progress.saw(line);
      }
    }
    int status = p.waitFor();
    progress.done();
    if (status == 0) {
      return true;
    }
    List<String> errors = compileErrors(lines, root);
    if (!errors.isEmpty()) {
      for (String e : errors) {
        err.println(e);
      }
      return false;
    }
    String diagnosis = diagnosis(lines);
    if (diagnosis != null) {
      err.println(Requirements.launcher() + ": " + diagnosis);
    } else {
      int shown = 0;
      for (String l : lines) {
        if (l.startsWith("[ERROR]") && l.length() > 8 && shown < 15) {
          err.println(l);
          shown++;
        }
      }
    }
    err.println(Requirements.launcher() + ": Maven failed; its whole output is in " + log);
    return false;
  }

  /**
   * The compile errors in Maven's output, as javac prints them: {@code path:line: error: message}
   * (the path relative to {@code root} when inside it), each followed by the lines that go with it
   * (symbol, location). Maven repeats its errors at the end; each is kept once.
   */
  static List<String> compileErrors(List<String> lines, File root) {
    Set<String> out = new LinkedHashSet<String>();
    String prefix = root.getAbsolutePath() + File.separator;
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = ERROR_AT.matcher(lines.get(i));
      if (!m.matches()) {
        continue;
      }
      String file = m.group(1);
      if (file.startsWith(prefix)) {
        file = file.substring(prefix.length());
      }
      StringBuilder sb = new StringBuilder();
      sb.append(file).append(':').append(m.group(2)).append(": error: ").append(m.group(4));
      for (int j = i + 1; j < lines.size() && lines.get(j).startsWith("  "); j++) {
        sb.append(System.lineSeparator()).append(lines.get(j));
      }
      out.add(sb.toString());
    }
    return new ArrayList<String>(out);
  }

  /** One line naming a known cause of a failed build and its fix, or null. */
  static String diagnosis(List<String> lines) {
    for (String l : lines) {
      if (l.contains("No compiler is provided in this environment")) {
        return "Maven runs on a Java runtime without javac (a JRE, through JAVA_HOME); set"
            + " JAVA_HOME to a JDK "
            + Requirements.MIN_JAVA
            + " or newer";
      }
      if (l.contains("release version 17 not supported")
          || l.contains("invalid target release")
          || l.contains("invalid flag: --release")) {
        return "Maven compiles with a Java older than 17 (JAVA_HOME); set JAVA_HOME to a JDK "
            + Requirements.MIN_JAVA
            + " or newer, or unset it";
      }
      if (l.contains("requires Maven version")) {
        return "this Maven is too old ("
            + l.replaceAll(".*requires Maven version", "needs").trim()
            + "); raftlab needs Maven "
            + Requirements.MIN_MAVEN
            + " or newer: "
            + Requirements.mavenFix();
      }
      if (l.contains("Could not transfer artifact")
          || l.contains("Could not resolve dependencies")
          || l.contains("UnknownHostException")
          || l.contains("Unknown host")) {
        return "Maven could not download the libraries the tests use (the first build needs the"
            + " internet, or a ~/.m2/settings.xml mirror); check the connection and run again";
      }
    }
    return null;
  }

  private static String readAll(Process p) throws IOException {
    StringBuilder sb = new StringBuilder();
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(p.getInputStream(), Charset.defaultCharset()))) {
      String line;
      while ((line = in.readLine()) != null) {
        sb.append(line).append('\n');
      }
    }
    return sb.toString();
  }

  /**
   * One line of progress on the error stream: on a terminal it is rewritten in place; into a file
   * (CI), a line every few seconds, so that a first run that downloads for a minute is not silent.
   */
  static final class Progress {
    private final PrintStream err;
    private final boolean console = System.console() != null;
    private int files;
    private double megabytes;
    private String stage = "starting Maven";
    private String shown = "";
    private long lastPrint;

    Progress(PrintStream err) {
      this.err = err;
      show();
    }

    void saw(String line) {
      Matcher m = DOWNLOADED.matcher(line);
      if (m.find()) {
        files++;
        megabytes += megabytes(m.group(1), m.group(2));
        stage =
            String.format(
                "downloading what the build needs from Maven Central (first run"
                    + " only): %d files, %.1f MB",
                files, megabytes);
      } else if (line.contains(":testCompile ")) {
        stage = "compiling the tests";
      } else if (line.contains(":compile ")) {
        stage = "compiling";
      }
      show();
    }

    static double megabytes(String number, String unit) {
      double n = Double.parseDouble(number.replace(",", ""));
      if (unit.equals("B")) {
        return n / 1e6;
      } else if (unit.equalsIgnoreCase("kB")) {
        return n / 1e3;
      } else if (unit.equals("GB")) {
        return n * 1e3;
      }
      return n;
    }

    private void show() {
      long now = System.nanoTime();
      String text = Requirements.launcher() + ": " + stage + " ...";
      if (text.equals(shown)) {
        return;
      }
      boolean stageChanged = !stripCounts(text).equals(stripCounts(shown));
      if (console && (stageChanged || now - lastPrint > 100_000_000L)) {
        err.print("\r" + text + "\033[K");
        err.flush();
      } else if (!console && (stageChanged || now - lastPrint > 5_000_000_000L)) {
        err.println(text);
      } else {
        return;
      }
      shown = text;
      lastPrint = now;
    }

    private static String stripCounts(String s) {
      return s.replaceAll("[\\d.]+", "");
    }

    int files() {
      return files;
    }

    void done() {
      if (console) {
        err.print("\r\033[K");
        err.flush();
      }
    }
  }
}
