package grading.verdict;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The grader's reading of a child's results file: the authentic records, in order, and how many
 * lines were not authentic (forged or edited by the code under test, or out of place).
 */
public record VerdictFile(List<VerdictRecord> records, int forgedLines) {

  /** Reads {@code file}, checking every line against {@code key}. A missing file reads empty. */
  public static VerdictFile read(Path file, RunKey key) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException | java.io.UncheckedIOException e) {
      return new VerdictFile(List.of(), 0);
    }
    List<VerdictRecord> records = new ArrayList<>();
    int forged = 0;
    for (String line : lines) {
      Optional<VerdictRecord> r = VerdictRecord.parse(line, key);
      // A record must be the next one the child wrote: a copy, moved or repeated, is a forgery.
      if (r.isPresent() && r.get().number() == records.size()) {
        records.add(r.get());
      } else if (!line.isEmpty()) {
        forged++;
      }
    }
    return new VerdictFile(List.copyOf(records), forged);
  }

  /** The records about {@code test} of the given kind. */
  public List<VerdictRecord> of(String test, VerdictRecord.Kind kind) {
    return records.stream().filter(r -> r.kind() == kind && r.test().equals(test)).toList();
  }

  /** The first record of the given kind, about any test. */
  public Optional<VerdictRecord> first(VerdictRecord.Kind kind) {
    return records.stream().filter(r -> r.kind() == kind).findFirst();
  }
}
