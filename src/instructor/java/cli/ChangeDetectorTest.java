package cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What each kind of change costs: nothing, javac on the student's packages, or Maven. */
class ChangeDetectorTest {
  @TempDir Path root;
  Target t;

  @BeforeEach
  void aBuiltTree() throws Exception {
    write("pom.xml", "<project/>");
    write("src/main/java/raft/Raft.java", "package raft; class Raft {}");
    write("src/main/java/kvraft/rsm/Rsm.java", "package kvraft.rsm; class Rsm {}");
    write("src/main/java/labrpc/Network.java", "package labrpc; class Network {}");
    write("src/test/java/raft/RaftTest3A.java", "package raft; class RaftTest3A {}");
    write("src/test/resources/junit-platform.properties", "");
    write("target/test-classpath.txt", "");
    write("target/compile-classpath.txt", "");
    write("target/test-classes/cli/Main.class", "");
    t = Target.student(root);
    ChangeDetector.record(t, ChangeDetector.scan(t), BuildPlan.MAVEN);
  }

  private void write(String rel, String text) throws Exception {
    Path p = root.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  private BuildPlan plan() throws Exception {
    return ChangeDetector.plan(t, ChangeDetector.scan(t));
  }

  @Test
  void nothingChangedBuildsNothing() throws Exception {
    assertEquals(BuildPlan.NOTHING, plan());
  }

  @Test
  void aChangeToTheStudentsPackagesIsCompiledWithJavac() throws Exception {
    write("src/main/java/raft/Raft.java", "package raft; class Raft { int term; }");
    assertEquals(BuildPlan.JAVAC, plan());
  }

  @Test
  void anAddedOrRemovedStudentFileIsAChangeToo() throws Exception {
    write("src/main/java/raft/LogEntry.java", "package raft; record LogEntry() {}");
    assertEquals(BuildPlan.JAVAC, plan());
    ChangeDetector.record(t, ChangeDetector.scan(t), BuildPlan.JAVAC);
    assertEquals(BuildPlan.NOTHING, plan());
    Files.delete(root.resolve("src/main/java/raft/LogEntry.java"));
    assertEquals(BuildPlan.JAVAC, plan());
  }

  @Test
  void aFileRestoredWithAnOldTimestampIsStillAChange() throws Exception {
    Path raft = root.resolve("src/main/java/kvraft/rsm/Rsm.java");
    FileTime old = Files.getLastModifiedTime(raft);
    Files.writeString(raft, "package kvraft.rsm;class Rsm { }"); // same size
    Files.setLastModifiedTime(raft, FileTime.fromMillis(old.toMillis() - 60_000));
    assertEquals(BuildPlan.JAVAC, plan());
  }

  @Test
  void anEditThatKeepsSizeAndTimeIsStillAChange() throws Exception {
    // As `cp -p` of another version, or an archive unpacked with its files' old times.
    Path raft = root.resolve("src/main/java/raft/Raft.java");
    FileTime before = Files.getLastModifiedTime(raft);
    Files.writeString(raft, "package raft; class Tfar {}"); // same size
    Files.setLastModifiedTime(raft, before);
    assertEquals(BuildPlan.JAVAC, plan());
  }

  @Test
  void aRenamedStudentPackageIsAChange() throws Exception {
    Files.createDirectories(root.resolve("src/main/java/kvraft/rsm2"));
    Files.move(
        root.resolve("src/main/java/kvraft/rsm/Rsm.java"),
        root.resolve("src/main/java/kvraft/rsm2/Rsm.java"));
    assertEquals(BuildPlan.JAVAC, plan());
  }

  @Test
  void thePomATestOrAGivenPackageNeedMaven() throws Exception {
    for (String given :
        List.of(
            "pom.xml",
            "src/test/java/raft/RaftTest3A.java",
            "src/main/java/labrpc/Network.java",
            "src/test/resources/junit-platform.properties")) {
      aBuiltTree();
      write(given, "changed, and longer than before");
      assertEquals(BuildPlan.MAVEN, plan(), given);
    }
  }

  @Test
  void anUnbuiltTreeNeedsMaven() throws Exception {
    Files.delete(root.resolve("target/test-classes/cli/Main.class"));
    assertEquals(BuildPlan.MAVEN, plan());
  }

  @Test
  void theRuleItself() {
    assertEquals(BuildPlan.MAVEN, ChangeDetector.decide(false, List.of(), List.of()));
    assertEquals(BuildPlan.MAVEN, ChangeDetector.decide(true, List.of("pom.xml"), List.of("x")));
    assertEquals(BuildPlan.JAVAC, ChangeDetector.decide(true, List.of(), List.of("main/raft/R")));
    assertEquals(BuildPlan.NOTHING, ChangeDetector.decide(true, List.of(), List.of()));
  }

  @Test
  void studentPathsAreTheRegistrysPackages() {
    List<String> owned = List.of("raft", "kvraft");
    assertEquals(true, ChangeDetector.isStudentPath("raft/Raft.java", owned));
    assertEquals(true, ChangeDetector.isStudentPath("kvraft/rsm/Rsm.java", owned));
    assertEquals(false, ChangeDetector.isStudentPath("raftapi/Raft.java", owned));
    assertEquals(false, ChangeDetector.isStudentPath("labrpc/Network.java", owned));
  }
}
