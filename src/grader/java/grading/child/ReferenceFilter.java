package grading.child;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Keeps the reference solution out of a grader's output, as a second line of defence (the first is
 * that graded code runs where no {@code solution/} can be read). Built from the reference's
 * sources, it holds a fingerprint (a truncated SHA-256) of every run of {@link #WINDOW} characters
 * of their text with whitespace taken out; an output line holding any such run is replaced. The
 * fingerprints file is safe to leave where graded code can read it: it gives nothing back.
 *
 * <pre>
 * java -cp ... grading.child.ReferenceFilter SOURCES_DIR OUT_FILE    writes the fingerprints
 * </pre>
 */
public final class ReferenceFilter {
  static final int WINDOW = 24;
  static final String REPLACEMENT = "[grader: this line held text of the reference solution]";
  static final String WITHHELD =
      "[grader: this test printed text of the reference solution;"
          + " the rest of its output is withheld]";

  /** No filter: every line passes. */
  public static final ReferenceFilter NONE = new ReferenceFilter(Set.of());

  private final Set<Long> fingerprints;

  private ReferenceFilter(Set<Long> fingerprints) {
    this.fingerprints = fingerprints;
  }

  public static void main(String[] argv) throws IOException {
    Set<Long> all = new HashSet<>();
    try (Stream<Path> files = Files.walk(Path.of(argv[0]))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        all.addAll(windows(Files.readString(f, StandardCharsets.UTF_8)));
      }
    }
    StringBuilder sb = new StringBuilder();
    for (long fp : all) {
      sb.append(Long.toHexString(fp)).append('\n');
    }
    Files.writeString(Path.of(argv[1]), sb.toString(), StandardCharsets.UTF_8);
  }

  /** The filter whose fingerprints are in {@code file}; {@link #NONE} if it is absent. */
  public static ReferenceFilter load(Path file) throws IOException {
    if (file == null || !Files.isRegularFile(file)) {
      return NONE;
    }
    Set<Long> set = new HashSet<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        set.add(Long.parseUnsignedLong(line.trim(), 16));
      }
    }
    return new ReferenceFilter(set);
  }

  /** The filter of the given source text (for tests). */
  static ReferenceFilter of(List<String> sources) {
    Set<Long> set = new HashSet<>();
    sources.forEach(s -> set.addAll(windows(s)));
    return new ReferenceFilter(set);
  }

  /** {@code line}, or {@link #REPLACEMENT} if it holds text of the reference. */
  public String filter(String line) {
    if (fingerprints.isEmpty() || line.length() < WINDOW) {
      return line;
    }
    for (long w : windows(line)) {
      if (fingerprints.contains(w)) {
        return REPLACEMENT;
      }
    }
    return line;
  }

  private static Set<Long> windows(String text) {
    StringBuilder squeezed = new StringBuilder(text.length());
    text.codePoints().filter(c -> !Character.isWhitespace(c)).forEach(squeezed::appendCodePoint);
    Set<Long> out = new HashSet<>();
    MessageDigest sha = sha256();
    for (int i = 0; i + WINDOW <= squeezed.length(); i++) {
      byte[] d = sha.digest(squeezed.substring(i, i + WINDOW).getBytes(StandardCharsets.UTF_8));
      out.add(ByteBuffer.wrap(d).getLong());
    }
    return out;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
