package cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pulled front end rebuilds itself before it parses; other changes wait for the usual build. */
class SelfUpdateTest {
  @TempDir Path root;
  Workspace ws;

  @BeforeEach
  void aBuiltTree() throws Exception {
    write("pom.xml", "<project/>");
    write("src/main/java/raft/Raft.java", "package raft; class Raft {}");
    write("src/grader/java/cli/Request.java", "package cli; class Request {}");
    write("src/test/java/raft/RaftTest3A.java", "package raft; class RaftTest3A {}");
    write("target/test-classpath.txt", "");
    write("target/compile-classpath.txt", "");
    write("target/test-classes/cli/Main.class", "");
    Target t = Target.student(root);
    ChangeDetector.record(t, ChangeDetector.scan(t), BuildPlan.MAVEN);
    ws = new Workspace(root, root, root.resolve("target"), false, false);
  }

  private void write(String rel, String text) throws Exception {
    Path p = root.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  @Test
  void anUnchangedFrontEndRunsAsItIs() throws Exception {
    assertFalse(SelfUpdate.outOfDate(ws));
  }

  @Test
  void aChangedOrAddedFrontEndSourceOrPomRebuildsFirst() throws Exception {
    write("src/grader/java/cli/Request.java", "package cli; class Request { boolean newOption; }");
    assertTrue(SelfUpdate.outOfDate(ws));

    aBuiltTree();
    write("src/grader/java/cli/NewCommand.java", "package cli; class NewCommand {}");
    assertTrue(SelfUpdate.outOfDate(ws));

    aBuiltTree();
    write("pom.xml", "<project><!-- a new library --></project>");
    assertTrue(SelfUpdate.outOfDate(ws));
  }

  @Test
  void theStudentsCodeOrATestWaitForTheUsualBuild() throws Exception {
    write("src/main/java/raft/Raft.java", "package raft; class Raft { int term; }");
    write("src/test/java/raft/RaftTest3A.java", "package raft; class RaftTest3A { int x; }");
    assertFalse(SelfUpdate.outOfDate(ws));
  }

  @Test
  void aTreeThatMavenAloneBuiltIsTakenAsItIs() throws Exception {
    // The Gradescope bundle's setup.sh runs mvn test-compile: no snapshot was ever recorded.
    Files.delete(root.resolve("target/cli/" + ChangeDetector.GIVEN));
    write("src/grader/java/cli/Request.java", "package cli; class Request { boolean newOption; }");
    assertFalse(SelfUpdate.outOfDate(ws));
  }

  @Test
  void aChildOfARunThatBuiltNeverRebuilds() throws Exception {
    write("src/grader/java/cli/Request.java", "package cli; class Request { boolean newOption; }");
    assertFalse(
        SelfUpdate.outOfDate(new Workspace(root, root, root.resolve("target"), true, false)));
    assertFalse(
        SelfUpdate.outOfDate(new Workspace(root, root, root.resolve("target"), false, true)));
  }
}
