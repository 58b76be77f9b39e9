package cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rule that keeps the student's classes out of the class-data archive: which names are the
 * student's, what the class list keeps, and how the JVM's listing of an archive is read.
 */
class StudentClassesTest {
  private final StudentClasses rule =
      StudentClasses.of(
          List.of("raft", "kvraft"),
          Set.of("raft/RaftTester", "raft/RfSrv", "kvraft/KvRaftTester"));

  @Test
  void aClassOfAStudentPackageThatIsNotGivenIsTheStudents() {
    assertTrue(rule.isStudents("raft.Raft"));
    assertTrue(rule.isStudents("raft/Raft"));
    assertTrue(rule.isStudents("kvraft.rsm.Rsm"));
    assertTrue(rule.isStudents("raft.Raft$$Lambda$12/0x0000000800c0b000"));
  }

  @Test
  void theTestersClassesInThosePackagesAreGiven() {
    assertFalse(rule.isStudents("raft.RaftTester"));
    assertFalse(rule.isStudents("raft.RfSrv$$Lambda$862/0x8000003d4"));
    assertFalse(rule.isStudents("raftapi.Raft"));
    assertFalse(rule.isStudents("java.lang.String"));
  }

  @Test
  void theClassListLosesTheStudentsClassesAndWhatIsSaidOfThem(@TempDir Path dir) throws Exception {
    Path from = dir.resolve("loaded.list");
    Files.write(
        from,
        List.of(
            "# a comment",
            "java/lang/Object id: 0",
            "raft/RaftTester id: 1",
            "raft/Raft id: 2",
            "@lambda-proxy raft/Raft run ()Ljava/lang/Runnable; ()V",
            "@cp raft/Raft 8 15",
            "@cp raft/RaftTester 8 15",
            "kvraft/rsm/Rsm id: 3"),
        StandardCharsets.UTF_8);
    Path to = dir.resolve("kept.list");

    int dropped = ClassList.withoutStudentClasses(from, to, rule);

    assertEquals(4, dropped);
    assertEquals(
        List.of(
            "# a comment",
            "java/lang/Object id: 0",
            "raft/RaftTester id: 1",
            "@cp raft/RaftTester 8 15"),
        Files.readAllLines(to, StandardCharsets.UTF_8));
  }

  @Test
  void theJvmsListingOfAnArchiveIsReadAsClassNames() {
    String listing =
        String.join(
            "\n",
            "Shared Dictionary",
            "    0: java.lang.Object boot_loader",
            "  830: raft.RaftTester app_loader",
            "1004: raft.RaftTester$RaftFactory app_loader",
            "Number of shared symbols: 86789",
            "archive is valid");
    assertEquals(
        List.of("java.lang.Object", "raft.RaftTester", "raft.RaftTester$RaftFactory"),
        ArchiveContents.parse(listing));
  }
}
