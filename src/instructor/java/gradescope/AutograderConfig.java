package gradescope;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import labs.Registry;

/**
 * The instructor's {@code autograder.conf} in the Gradescope bundle: {@code key = value} lines,
 * {@code #} comments. Keys: {@code parts} (names from the registry, separated by spaces), {@code
 * zero_if_flagged} (true unless set to false: a flagged submission scores 0), {@code allow}
 * (patterns added to every lab's allow-list, as in {@link labs.AllowedApis}), and the child limits
 * {@code heap_mb}, {@code max_threads}, {@code output_kb}. The limits and {@code allow} reach the
 * grader as environment variables.
 */
record AutograderConfig(List<String> parts, boolean zeroIfFlagged, Map<String, String> limits) {

  static AutograderConfig read(Path file) throws IOException {
    Map<String, String> kv = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      int eq = l.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException(file + ": not key = value: " + line);
      }
      kv.put(l.substring(0, eq).strip(), l.substring(eq + 1).strip());
    }
    List<String> parts =
        List.of(kv.getOrDefault("parts", "").toUpperCase(Locale.ROOT).split("\\s+")).stream()
            .filter(p -> !p.isEmpty())
            .toList();
    for (String p : parts) {
      if (Registry.part(p).isEmpty()) {
        throw new IllegalArgumentException(
            file + ": unknown part " + p + "; parts are " + Registry.partNames());
      }
    }
    if (parts.isEmpty()) {
      throw new IllegalArgumentException(file + ": no parts to grade (parts = 3A ...)");
    }
    Map<String, String> limits = new LinkedHashMap<>();
    putIfSet(kv, "heap_mb", limits, "RAFTLAB_HEAP_MB");
    putIfSet(kv, "max_threads", limits, "RAFTLAB_MAX_THREADS");
    putIfSet(kv, "output_kb", limits, "RAFTLAB_OUTPUT_KB");
    putIfSet(kv, "allow", limits, grading.scan.SubmissionScan.EXTRA_VARIABLE);
    String zero = kv.getOrDefault("zero_if_flagged", "true").strip().toLowerCase(Locale.ROOT);
    if (!zero.equals("true") && !zero.equals("false")) {
      throw new IllegalArgumentException(file + ": zero_if_flagged is true or false, not " + zero);
    }
    return new AutograderConfig(parts, zero.equals("true"), limits);
  }

  private static void putIfSet(
      Map<String, String> kv, String key, Map<String, String> env, String var) {
    if (kv.containsKey(key)) {
      env.put(var, kv.get(key));
    }
  }
}
