package variants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The buggy variants of the reference ({@code solution/variants/*.patch}, run by {@code make
 * validate}) still fit the reference and the registry: each patch applies without fuzz, as {@code
 * make validate} ({@link Validate}) applies it, and its header names a registered part and tests of
 * that part. A change to the reference (a reformat, a refactoring) that breaks a variant fails
 * here, in {@code make test}, instead of as "BROKEN" in the next {@code make validate}.
 */
class VariantsTest {
  private static final Path VARIANTS = Path.of("solution/variants");
  private static final Path REFERENCE = Path.of("solution/src/main/java");

  @Test
  void everyVariantAppliesToTheReferenceAndNamesItsPartAndTests() throws IOException {
    List<String> problems = new ArrayList<>();
    List<Variant> variants = Variant.all(VARIANTS);
    assertFalse(variants.isEmpty(), "no variants found in " + VARIANTS.toAbsolutePath());
    for (Variant v : variants) {
      problems.addAll(problemsOf(v.patch(), REFERENCE));
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void aPatchWhoseContextNoLongerMatchesIsCaught(@org.junit.jupiter.api.io.TempDir Path tmp)
      throws IOException {
    Path reference = tmp.resolve("ref");
    Files.createDirectories(reference.resolve("raft"));
    Files.writeString(
        reference.resolve("raft/Raft.java"), "class Raft {\n  int votedFor = -1;\n}\n");
    Path patch = tmp.resolve("stale.patch");
    Files.writeString(
        patch,
        String.join(
            "\n",
            "# variant: stale",
            "# part: 3A",
            "# caught-by: testNoSuchTest3A",
            "--- a/raft/Raft.java",
            "+++ b/raft/Raft.java",
            "@@ -1,3 +1,3 @@",
            " class Raft {",
            "-  int votedFor=-1;", // the reference was reformatted since
            "+  int votedFor = 0;",
            " }",
            ""));
    List<String> problems = problemsOf(patch, reference);
    assertEquals(2, problems.size(), String.join("\n", problems));
    assertEquals(
        "stale.patch: raft/Raft.java no longer takes the patch (the reference changed under it:"
            + " make the change again on the reference and write the patch anew with diff -u)",
        problems.get(0));
    assertEquals(
        "stale.patch: caught-by names testNoSuchTest3A, which is not a test of part 3A",
        problems.get(1));
  }

  /** What is wrong with one variant: a file its patch no longer fits, or a header that is off. */
  static List<String> problemsOf(Path patch, Path reference) throws IOException {
    Variant v = Variant.read(patch);
    List<String> problems = new ArrayList<>(v.tryOn(reference));
    problems.addAll(v.headerProblems());
    return problems;
  }
}
