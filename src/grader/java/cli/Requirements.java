package cli;

import java.io.File;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What raftlab needs on a machine, and the one line that says how to fix each thing that is
 * missing: a JDK 17 or newer (a JRE is not enough: the fast path compiles with javac), and Maven
 * 3.6.3 or newer (the oldest that the pinned plugins accept: maven-compiler-plugin 3.14.1, surefire
 * 3.5.4 and dependency 3.8.1 all declare {@code requiredMavenVersion} 3.6.3).
 *
 * <p>Java 8 source on purpose, like {@link Bootstrap}: an old Java must be able to load this class
 * to be told that it is too old.
 */
final class Requirements {
  static final int MIN_JAVA = 17;
  static final String MIN_MAVEN = "3.6.3";

  private Requirements() {}

  /** The launcher's name in messages: what the user typed. */
  static String launcher() {
    return isWindows() ? "grade.cmd" : "grade.sh";
  }

  /** How the user starts it: {@code ./grade.sh}, or {@code grade.cmd} on Windows. */
  static String launcherCommand() {
    return isWindows() ? "grade.cmd" : "./grade.sh";
  }

  static boolean isWindows() {
    return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
  }

  /**
   * The feature release of a Java version string: {@code 1.8.0_392} is 8, {@code 17.0.15} is 17,
   * {@code 25} is 25, {@code 21-ea} is 21; 0 if it cannot be read.
   */
  static int javaFeature(String version) {
    if (version == null) {
      return 0;
    }
    Matcher m = Pattern.compile("^(\\d+)(?:\\.(\\d+))?").matcher(version.trim());
    if (!m.find()) {
      return 0;
    }
    int first = Integer.parseInt(m.group(1));
    if (first == 1 && m.group(2) != null) {
      return Integer.parseInt(m.group(2)); // 1.8 is Java 8
    }
    return first;
  }

  /**
   * What is wrong with the Java this class runs on, or null if nothing is.
   *
   * @param feature the running Java's feature release
   * @param javaHomeEnv the JAVA_HOME environment variable, or null; the launchers use it first, and
   *     so does Maven, so a JAVA_HOME that points at an old JDK is named in the message
   * @param hasJavac whether the running Java has a compiler next to it
   */
  static String javaProblem(int feature, String javaHomeEnv, boolean hasJavac) {
    String who =
        javaHomeEnv != null && !javaHomeEnv.isEmpty()
            ? "JAVA_HOME (" + javaHomeEnv + ")"
            : "the java on your PATH";
    if (feature < MIN_JAVA) {
      String found = feature == 0 ? "an unknown Java version" : "Java " + feature;
      return who
          + " is "
          + found
          + "; raftlab needs a JDK "
          + MIN_JAVA
          + " or newer: "
          + jdkFix(javaHomeEnv);
    }
    if (!hasJavac) {
      return who
          + " is a Java runtime without javac (a JRE); raftlab needs a JDK "
          + MIN_JAVA
          + " or newer: "
          + jdkFix(javaHomeEnv);
    }
    return null;
  }

  /** Whether the Java at {@code javaHome} has a javac next to its java. */
  static boolean hasJavac(String javaHome) {
    File bin = new File(javaHome, "bin");
    return new File(bin, "javac").isFile() || new File(bin, "javac.exe").isFile();
  }

  /** How to get a JDK on this system, as the end of a one-line message. */
  static String jdkFix(String javaHomeEnv) {
    String point =
        javaHomeEnv != null && !javaHomeEnv.isEmpty()
            ? "point JAVA_HOME at it (or unset JAVA_HOME to use the java on your PATH)"
            : "put its bin folder first on your PATH";
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (os.startsWith("mac")) {
      return "brew install openjdk@17, then "
          + (javaHomeEnv != null && !javaHomeEnv.isEmpty()
              ? "export JAVA_HOME=\"$(brew --prefix openjdk@17)\""
              : "export PATH=\"$(brew --prefix openjdk@17)/bin:$PATH\" (add it to ~/.zshrc)");
    }
    if (isWindows()) {
      return "install one (e.g. winget install EclipseAdoptium.Temurin.17.JDK) and " + point;
    }
    return "install one (e.g. sudo apt install openjdk-17-jdk) and " + point;
  }

  /** How to get Maven on this system, as the end of a one-line message. */
  static String mavenFix() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (os.startsWith("mac")) {
      return "brew install maven";
    }
    if (isWindows()) {
      return "install it (e.g. winget install Apache.Maven, or unzip Maven from maven.apache.org)"
          + " and put its bin folder on your PATH";
    }
    return "install it (e.g. sudo apt install maven, or Maven from maven.apache.org)";
  }

  /**
   * What is wrong with the Maven whose {@code mvn -version} printed {@code versionOutput}, or null
   * if nothing is: too old, or running on a Java older than 17 (Maven uses JAVA_HOME).
   */
  static String mavenProblem(String versionOutput) {
    Matcher maven = Pattern.compile("Apache Maven (\\d+(?:\\.\\d+)*)").matcher(versionOutput);
    if (maven.find() && compareVersions(maven.group(1), MIN_MAVEN) < 0) {
      return "Maven "
          + maven.group(1)
          + " is too old; raftlab needs Maven "
          + MIN_MAVEN
          + " or newer: "
          + mavenFix();
    }
    Matcher java = Pattern.compile("Java version: (\\S+?),").matcher(versionOutput);
    if (java.find() && javaFeature(java.group(1)) < MIN_JAVA) {
      Matcher runtime = Pattern.compile("runtime: (.*)").matcher(versionOutput);
      String where = runtime.find() ? " (" + runtime.group(1).trim() + ")" : "";
      return "Maven runs on Java "
          + javaFeature(java.group(1))
          + where
          + ", because of JAVA_HOME; set JAVA_HOME to a JDK "
          + MIN_JAVA
          + " or newer, or unset it";
    }
    return null;
  }

  /** Compares dotted version numbers: {@code 3.8.7} is after {@code 3.6.3}. */
  static int compareVersions(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int p = i < x.length ? Integer.parseInt(x[i]) : 0;
      int q = i < y.length ? Integer.parseInt(y[i]) : 0;
      if (p != q) {
        return p < q ? -1 : 1;
      }
    }
    return 0;
  }
}
