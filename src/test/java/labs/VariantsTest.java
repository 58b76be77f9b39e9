package labs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.github.difflib.patch.PatchFailedException;
import com.github.difflib.unifieddiff.UnifiedDiff;
import com.github.difflib.unifieddiff.UnifiedDiffFile;
import com.github.difflib.unifieddiff.UnifiedDiffReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The buggy variants of the reference ({@code solution/variants/*.patch}, run by {@code make
 * validate}) still fit the reference and the registry: each patch applies without fuzz, as {@code
 * tools/validate.sh} applies it, and its header names a registered part and tests of that part. A
 * change to the reference (a reformat, a refactoring) that breaks a variant fails here, in {@code
 * make test}, instead of as "BROKEN" in the next {@code make validate}.
 */
class VariantsTest {
  private static final Path VARIANTS = Path.of("solution/variants");
  private static final Path REFERENCE = Path.of("solution/src/main/java");
  private static final Pattern TEST_NAME = Pattern.compile("\\btest\\w+");

  @Test
  void everyVariantAppliesToTheReferenceAndNamesItsPartAndTests() throws IOException {
    List<String> problems = new ArrayList<>();
    List<Path> patches = patches();
    assertFalse(patches.isEmpty(), "no variants found in " + VARIANTS.toAbsolutePath());
    for (Path patch : patches) {
      problems.addAll(problemsOf(patch, REFERENCE));
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

  private static List<Path> patches() throws IOException {
    try (Stream<Path> s = Files.list(VARIANTS)) {
      return s.filter(p -> p.toString().endsWith(".patch")).sorted().collect(Collectors.toList());
    }
  }

  /** What is wrong with one variant: a file its patch no longer fits, or a header that is off. */
  static List<String> problemsOf(Path patch, Path reference) throws IOException {
    String name = patch.getFileName().toString();
    List<String> problems = new ArrayList<>();
    UnifiedDiff diff;
    try (InputStream in = Files.newInputStream(patch)) {
      diff = UnifiedDiffReader.parseUnifiedDiff(in);
    }
    if (diff.getFiles().isEmpty()) {
      problems.add(name + ": holds no diff");
    }
    for (UnifiedDiffFile file : diff.getFiles()) {
      String path = file.getFromFile().replaceFirst("^a/", "");
      Path target = reference.resolve(path);
      if (!Files.isRegularFile(target)) {
        problems.add(name + ": patches " + path + ", which the reference does not have");
        continue;
      }
      try {
        file.getPatch().applyFuzzy(Files.readAllLines(target), 0); // offsets, but no fuzz
      } catch (PatchFailedException e) {
        problems.add(
            name
                + ": "
                + path
                + " no longer takes the patch (the reference changed under it: make the change"
                + " again on the reference and write the patch anew with diff -u)");
      }
    }
    problems.addAll(headerProblems(name, Files.readAllLines(patch)));
    return problems;
  }

  private static List<String> headerProblems(String name, List<String> lines) {
    String part = header(lines, "part");
    String caughtBy = header(lines, "caught-by");
    if (part == null || caughtBy == null) {
      return List.of(name + ": the header needs '# part: PART' and '# caught-by: TEST'");
    }
    Part p = Registry.part(part).orElse(null);
    if (p == null) {
      return List.of(name + ": part " + part + " is not in labs.Registry");
    }
    Set<String> tests = new TreeSet<>();
    for (Part.TestCase t : p.tests()) {
      tests.add(t.method());
    }
    List<String> problems = new ArrayList<>();
    Matcher m = TEST_NAME.matcher(caughtBy);
    boolean named = false;
    while (m.find()) {
      named = true;
      if (!tests.contains(m.group())) {
        problems.add(
            name + ": caught-by names " + m.group() + ", which is not a test of part " + part);
      }
    }
    if (!named) {
      problems.add(name + ": caught-by names no test (testSomething" + part + ")");
    }
    return problems;
  }

  private static String header(List<String> lines, String key) {
    String prefix = "# " + key + ":";
    for (String line : lines) {
      if (line.startsWith(prefix)) {
        return line.substring(prefix.length()).trim();
      }
    }
    return null;
  }
}
