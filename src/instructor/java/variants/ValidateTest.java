package variants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code tools/validate.sh --build-only} does with one variant ({@link Validate#build}): the
 * reference's Raft, patched, compiled into the variant's own classes, and nothing run. On a
 * repository in miniature (a reference Raft, one class of given code), so that it takes a second.
 */
class ValidateTest {
  @TempDir Path root;

  @Test
  void aVariantIsPatchedAndCompiledIntoItsOwnClassesAndNothingIsRun() throws IOException {
    miniatureRepository("  int majority(int votes, int n) { return votes * 2 > n ? 1 : 0; }");
    Variant halfIsMajority =
        variant(
            "half-is-majority",
            "-  int majority(int votes, int n) { return votes * 2 > n ? 1 : 0; }",
            "+  int majority(int votes, int n) { return votes * 2 >= n ? 1 : 0; }");
    Path dir = root.resolve("target/variants/half-is-majority");

    assertNull(validate().build(halfIsMajority, dir), "the variant should build");

    assertTrue(Files.isRegularFile(dir.resolve("classes/raft/Raft.class")));
    assertTrue(
        Files.isRegularFile(dir.resolve("classes/labrpc/Network.class")),
        "the given code is compiled with the variant");
    assertTrue(
        Files.readString(dir.resolve("src/raft/Raft.java")).contains("votes * 2 >= n"),
        "the variant's source should carry the patch");
    assertTrue(
        Files.readString(root.resolve("solution/src/main/java/raft/Raft.java"))
            .contains("votes * 2 > n"),
        "the reference itself is left as it was");
    assertFalse(Files.exists(dir.resolve("output.log")), "building runs no test");
    assertFalse(Files.exists(dir.resolve("result.tsv")), "building runs no test");
  }

  @Test
  void aVariantThatDoesNotCompileIsBrokenAndSaysWhereJavacsMessagesAre() throws IOException {
    miniatureRepository("  int votedFor = -1;");
    Variant typo = variant("typo", "-  int votedFor = -1;", "+  int votedFor = -1");
    Path dir = root.resolve("target/variants/typo");

    Validate.Row row = validate().build(typo, dir);

    assertEquals("BROKEN", row.result());
    assertEquals("does not compile", row.test());
    assertEquals("see " + dir.resolve("javac.log"), row.message());
    assertTrue(Files.readString(dir.resolve("javac.log")).contains("';' expected"));
  }

  /** A repository with a reference Raft of one member and one class of given code (labrpc). */
  private void miniatureRepository(String member) throws IOException {
    write(
        "solution/src/main/java/raft/Raft.java",
        "package raft;\n\nclass Raft {\n" + member + "\n}\n");
    write("src/main/java/raft/Raft.java", "package raft;\n\nclass Raft {}\n");
    write("src/main/java/labrpc/Network.java", "package labrpc;\n\npublic class Network {}\n");
  }

  /** A variant of the miniature reference that replaces one line of its Raft. */
  private Variant variant(String name, String removed, String added) throws IOException {
    Path patch = root.resolve("solution/variants/" + name + ".patch");
    write(
        "solution/variants/" + name + ".patch",
        String.join(
            "\n",
            "# variant: " + name,
            "# part: 3A",
            "# caught-by: testInitialElection3A",
            "--- a/raft/Raft.java",
            "+++ b/raft/Raft.java",
            "@@ -2,4 +2,4 @@",
            " ",
            " class Raft {",
            removed,
            added,
            " }",
            ""));
    return Variant.read(patch);
  }

  private Validate validate() {
    // The miniature's code needs no library: this JVM's classpath stands in for Maven's list.
    return new Validate(root, System.getProperty("java.class.path"));
  }

  private void write(String path, String text) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
