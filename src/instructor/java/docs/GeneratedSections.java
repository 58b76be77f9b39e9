package docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Keeps the parts of documents that repeat registry facts (points tables, the Classroom workflow's
 * steps) equal to what the registry says. Such a part sits between two marker lines, in whatever
 * comment syntax the file has:
 *
 * <pre>
 * &lt;!-- registry:points-table --&gt;
 * ... generated, do not edit ...
 * &lt;!-- /registry:points-table --&gt;
 * </pre>
 *
 * {@link #check} lists every part whose text differs from what the registry generates (the test
 * {@code RegistryDocumentsTest} fails on any), and {@link #write} rewrites them ({@code make
 * docs}).
 */
public final class GeneratedSections {
  private final Map<String, Supplier<String>> generators;

  public GeneratedSections(Map<String, Supplier<String>> generators) {
    this.generators = generators;
  }

  /** One marked part of a file whose text is not what the registry generates. */
  public record Drift(Path file, String section, String expected, String actual) {
    @Override
    public String toString() {
      return file
          + ": the generated part '"
          + section
          + "' differs from the registry (labs.Registry); run `make docs` to regenerate it."
          + "\n--- expected:\n"
          + expected
          + "--- found:\n"
          + actual;
    }
  }

  /** The drifted parts of {@code file}; an unknown section name is an error, not a pass. */
  public List<Drift> check(Path file) throws IOException {
    List<Drift> drifts = new ArrayList<>();
    rewrite(file, drifts);
    return drifts;
  }

  /** Rewrites the marked parts of {@code file}; returns whether anything changed. */
  public boolean write(Path file) throws IOException {
    List<Drift> drifts = new ArrayList<>();
    String updated = rewrite(file, drifts);
    if (!drifts.isEmpty()) {
      Files.writeString(file, updated, StandardCharsets.UTF_8);
    }
    return !drifts.isEmpty();
  }

  /** The names of the sections marked in {@code file}. */
  public List<String> sectionsIn(Path file) throws IOException {
    List<String> names = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String name = openingName(line);
      if (name != null) {
        names.add(name);
      }
    }
    return names;
  }

  private String rewrite(Path file, List<Drift> drifts) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      out.append(line).append('\n');
      String name = openingName(line);
      if (name == null) {
        continue;
      }
      Supplier<String> generator = generators.get(name);
      if (generator == null) {
        throw new IllegalStateException(
            file + ":" + (i + 1) + ": no generator for the section '" + name + "'");
      }
      int end = i + 1;
      StringBuilder actual = new StringBuilder();
      while (end < lines.size() && !lines.get(end).contains("/registry:" + name)) {
        actual.append(lines.get(end)).append('\n');
        end++;
      }
      if (end == lines.size()) {
        throw new IllegalStateException(
            file + ":" + (i + 1) + ": the section '" + name + "' has no closing marker");
      }
      String expected = generator.get();
      if (!expected.contentEquals(actual)) {
        drifts.add(new Drift(file, name, expected, actual.toString()));
      }
      out.append(expected);
      i = end - 1;
    }
    return out.toString();
  }

  /**
   * The section that {@code line} opens, or null: {@code registry:NAME}, not {@code /registry:}.
   */
  private static String openingName(String line) {
    int at = line.indexOf("registry:");
    if (at < 0 || (at > 0 && line.charAt(at - 1) == '/')) {
      return null;
    }
    int start = at + "registry:".length();
    int end = start;
    while (end < line.length()
        && (Character.isLetterOrDigit(line.charAt(end)) || line.charAt(end) == '-')) {
      end++;
    }
    return end > start ? line.substring(start, end) : null;
  }
}
