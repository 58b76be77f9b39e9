package variants;

import com.github.difflib.patch.PatchFailedException;
import com.github.difflib.unifieddiff.UnifiedDiff;
import com.github.difflib.unifieddiff.UnifiedDiffFile;
import com.github.difflib.unifieddiff.UnifiedDiffReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import labs.Part;
import labs.Registry;

/**
 * One buggy variant of the reference ({@code solution/variants/NAME.patch}): a unified diff of the
 * student's packages under a header that names the bug, the part whose tests must catch it and the
 * test expected to:
 *
 * <pre>
 * # variant: double-vote
 * # part: 3A
 * # caught-by: testOneVotePerTerm3A
 * # what the bug is, in a sentence or two
 * --- a/raft/Raft.java
 * +++ b/raft/Raft.java
 * ...
 * </pre>
 *
 * <p>The patch is applied as {@code patch -F0} would: each hunk where its context matches, moved up
 * or down if lines were added above it, but never with fuzz, so a variant whose context changed
 * under it is reported instead of applied somewhere else.
 */
public record Variant(String name, Path patch, String part, String caughtBy) {
  private static final Pattern TEST_NAME = Pattern.compile("\\btest\\w+");

  /** The variant in {@code patch}; a header line it lacks is null. */
  public static Variant read(Path patch) throws IOException {
    List<String> lines = Files.readAllLines(patch, StandardCharsets.UTF_8);
    String file = patch.getFileName().toString();
    return new Variant(
        file.replaceFirst("\\.patch$", ""),
        patch,
        header(lines, "part"),
        header(lines, "caught-by"));
  }

  /** Every variant in {@code dir}, by name. */
  public static List<Variant> all(Path dir) throws IOException {
    List<Variant> out = new ArrayList<>();
    try (var files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".patch")).sorted().toList()) {
        out.add(read(p));
      }
    }
    return out;
  }

  /**
   * Applies the patch to the files under {@code tree} (the student's packages of the reference), in
   * place; returns what did not apply, an empty list if everything did.
   */
  public List<String> applyTo(Path tree) throws IOException {
    return apply(tree, true);
  }

  /** What applying the patch to {@code tree} would fail on, without changing a file. */
  public List<String> tryOn(Path tree) throws IOException {
    return apply(tree, false);
  }

  private List<String> apply(Path tree, boolean write) throws IOException {
    String file = patch.getFileName().toString();
    List<String> problems = new ArrayList<>();
    UnifiedDiff diff;
    try (InputStream in = Files.newInputStream(patch)) {
      diff = UnifiedDiffReader.parseUnifiedDiff(in);
    }
    if (diff.getFiles().isEmpty()) {
      problems.add(file + ": holds no diff");
    }
    for (UnifiedDiffFile f : diff.getFiles()) {
      String path = f.getFromFile().replaceFirst("^a/", "");
      Path target = tree.resolve(path);
      if (!Files.isRegularFile(target)) {
        problems.add(file + ": patches " + path + ", which the reference does not have");
        continue;
      }
      try {
        // Offsets, but no fuzz: as patch -F0.
        List<String> patched = f.getPatch().applyFuzzy(Files.readAllLines(target), 0);
        if (write) {
          Files.write(target, patched, StandardCharsets.UTF_8);
        }
      } catch (PatchFailedException e) {
        problems.add(
            file
                + ": "
                + path
                + " no longer takes the patch (the reference changed under it: make the change"
                + " again on the reference and write the patch anew with diff -u)");
      }
    }
    return problems;
  }

  /** What is wrong with the header: a part that is not registered, a test not of that part. */
  public List<String> headerProblems() {
    String file = patch.getFileName().toString();
    if (part == null || caughtBy == null) {
      return List.of(file + ": the header needs '# part: PART' and '# caught-by: TEST'");
    }
    Part p = Registry.part(part).orElse(null);
    if (p == null) {
      return List.of(file + ": part " + part + " is not in labs.Registry");
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
            file + ": caught-by names " + m.group() + ", which is not a test of part " + part);
      }
    }
    if (!named) {
      problems.add(file + ": caught-by names no test (testSomething" + part + ")");
    }
    return problems;
  }

  /** Whether {@code test}, the test that failed first, is one the header expects. */
  public boolean expects(String test) {
    return test != null
        && caughtBy != null
        && TEST_NAME.matcher(caughtBy).results().anyMatch(m -> m.group().equals(test));
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
