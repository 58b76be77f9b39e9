package grading.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records written with the run's key read back; anything else counts as forged. */
class VerdictFileTest {
  @TempDir Path dir;

  @Test
  void signedRecordsReadBack() throws Exception {
    RunKey key = RunKey.random();
    Path file = Files.createFile(dir.resolve("r"));
    VerdictWriter w = VerdictWriter.open(file, key);
    w.started("testA");
    w.finished("testA", false, 1234, "expected one leader, got none\n\tand a tab");
    VerdictFile v = VerdictFile.read(file, key);
    assertEquals(0, v.forgedLines());
    assertEquals(2, v.records().size());
    VerdictRecord f = v.of("testA", VerdictRecord.Kind.FINISHED).get(0);
    assertEquals("expected one leader, got none\n\tand a tab", f.message());
    assertEquals(1234, f.millis());
  }

  @Test
  void editedCopiedOrOtherKeyRecordsAreForged() throws Exception {
    RunKey key = RunKey.random();
    Path file = Files.createFile(dir.resolve("r"));
    VerdictWriter w = VerdictWriter.open(file, key);
    w.finished("testA", false, 10, "");
    String genuine = Files.readString(file, StandardCharsets.UTF_8);
    String edited = genuine.replaceFirst("\t0\t", "\t1\t");
    String replayed = genuine;
    String otherKey =
        new VerdictRecord(VerdictRecord.Kind.FINISHED, "testA", true, 10, 1, "")
                .toLine(RunKey.random())
            + "\n";
    Files.writeString(file, edited + replayed + otherKey + "garbage\n", StandardOpenOption.APPEND);
    VerdictFile v = VerdictFile.read(file, key);
    assertEquals(1, v.records().size());
    assertTrue(!v.records().get(0).passed());
    assertEquals(4, v.forgedLines());
  }

  @Test
  void theKeyRoundTripsThroughHex() {
    RunKey key = RunKey.random();
    assertEquals(key.sign("x"), RunKey.fromHex(key.hex()).sign("x"));
  }
}
