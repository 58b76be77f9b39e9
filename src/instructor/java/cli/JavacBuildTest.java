package cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fast path compiles the student's packages, and its errors are javac's own. */
class JavacBuildTest {
  @TempDir Path root;

  private Target tree(String raft) throws Exception {
    Path src = Files.createDirectories(root.resolve("src/main/java/raft"));
    Files.writeString(src.resolve("Raft.java"), raft);
    Files.createDirectories(root.resolve("target/classes/raft"));
    Files.writeString(root.resolve("target/classes/raft/Stale.class"), "from a deleted source");
    Files.writeString(root.resolve("target/compile-classpath.txt"), "");
    return Target.student(root);
  }

  @Test
  void compilesIntoTheClassesAndDropsStaleOnes() throws Exception {
    Target t = tree("package raft;\npublic class Raft { int term; }\n");
    assertTrue(JavacBuild.compileStudentPackages(t, System.err));
    assertTrue(Files.isRegularFile(root.resolve("target/classes/raft/Raft.class")));
    assertFalse(Files.exists(root.resolve("target/classes/raft/Stale.class")));
  }

  @Test
  void errorsArePrintedAsJavacPrintsThem() throws Exception {
    Target t = tree("package raft;\npublic class Raft {\n  void f() { votedFor = 1; }\n}\n");
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    assertFalse(
        JavacBuild.compileStudentPackages(t, new PrintStream(buf, true, StandardCharsets.UTF_8)));
    String out = buf.toString(StandardCharsets.UTF_8);
    assertTrue(out.matches("(?s).*Raft\\.java:3: error: cannot find symbol\n.*votedFor.*"), out);
  }
}
