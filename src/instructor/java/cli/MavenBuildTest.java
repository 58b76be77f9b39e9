package cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Maven's output, made readable: javac-style errors, one-line diagnoses, download progress. */
class MavenBuildTest {
  @Test
  void compileErrorsLookLikeJavacsAndAreNotRepeated() {
    File root = new File("/home/ada/raftlab");
    List<String> lines =
        List.of(
            "[INFO] --- maven-compiler-plugin:3.14.1:compile (default-compile) @ raftlab ---",
            "[ERROR] COMPILATION ERROR : ",
            "[ERROR] /home/ada/raftlab/src/main/java/raft/Raft.java:[42,9] cannot find symbol",
            "  symbol:   variable votedFor",
            "  location: class raft.Raft",
            "[INFO] 1 error",
            "[ERROR] Failed to execute goal ...: Compilation failure",
            "[ERROR] /home/ada/raftlab/src/main/java/raft/Raft.java:[42,9] cannot find symbol",
            "  symbol:   variable votedFor",
            "  location: class raft.Raft");
    assertEquals(
        List.of(
            "src/main/java/raft/Raft.java:42: error: cannot find symbol"
                + System.lineSeparator()
                + "  symbol:   variable votedFor"
                + System.lineSeparator()
                + "  location: class raft.Raft"),
        MavenBuild.compileErrors(lines, root));
  }

  @Test
  void knownFailuresGetOneLineWithTheFix() {
    assertTrue(
        MavenBuild.diagnosis(
                List.of(
                    "[ERROR] No compiler is provided in this environment."
                        + " Perhaps you are running on a JRE rather than a JDK?"))
            .contains("JAVA_HOME to a JDK"));
    assertTrue(
        MavenBuild.diagnosis(
                List.of(
                    "[ERROR] Fatal error compiling: error: release version" + " 17 not supported"))
            .contains("older than 17"));
    assertTrue(
        MavenBuild.diagnosis(
                List.of(
                    "[ERROR] The plugin org.apache.maven.plugins:"
                        + "maven-compiler-plugin:3.14.1 requires Maven version 3.6.3"))
            .contains("3.6.3"));
    assertTrue(
        MavenBuild.diagnosis(
                List.of(
                    "[ERROR] Failed to execute goal on project raftlab:"
                        + " Could not resolve dependencies for project"))
            .contains("could not download"));
    assertNull(MavenBuild.diagnosis(List.of("[INFO] BUILD SUCCESS")));
  }

  @Test
  void downloadsAreCountedAsTheyComeWithOrWithoutTheLevel() {
    MavenBuild.Progress p =
        new MavenBuild.Progress(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
    p.saw("[INFO] Downloading from central: https://example.org/junit-bom-5.14.4.pom");
    p.saw(
        "[INFO] Downloaded from central: https://example.org/junit-bom-5.14.4.pom (5.7 kB at"
            + " 8.6 kB/s)");
    p.saw("Downloaded from central: https://example.org/commons-cli-1.9.0.jar (1.2 MB at 3 MB/s)");
    assertEquals(2, p.files());
  }

  @Test
  void downloadSizesAddUp() {
    assertEquals(0.0125, MavenBuild.Progress.megabytes("12.5", "kB"), 1e-9);
    assertEquals(1.5, MavenBuild.Progress.megabytes("1.5", "MB"), 1e-9);
    assertEquals(0.000512, MavenBuild.Progress.megabytes("512", "B"), 1e-9);
  }
}
