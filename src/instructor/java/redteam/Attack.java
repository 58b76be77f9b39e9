package redteam;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One hostile submission of the red-team suite, as its header says ({@code // redteam: NAME}, then
 * {@code attacks:} the tests it attacks, {@code options:} extra grade.sh options, {@code expect:}
 * text the failure message of each attacked test must hold, {@code flags:} the scan's rules it must
 * trip), and the header's free text: what it tries.
 */
record Attack(
    String name,
    Path dir,
    List<String> tests,
    List<String> options,
    String expect,
    List<String> flags,
    String tries) {

  /** The attack in {@code dir}, read from the header of its {@code raft/Raft.java}. */
  static Attack read(Path dir) throws IOException {
    List<String> tests = new ArrayList<>();
    List<String> options = new ArrayList<>();
    List<String> flags = new ArrayList<>();
    String expect = "";
    StringBuilder tries = new StringBuilder();
    for (String line : Files.readAllLines(dir.resolve("raft/Raft.java"), StandardCharsets.UTF_8)) {
      if (!line.startsWith("//")) {
        break;
      }
      String text = line.substring(2).trim();
      if (text.startsWith("attacks:")) {
        tests.addAll(words(text, "attacks:"));
      } else if (text.startsWith("options:")) {
        options.addAll(words(text, "options:"));
      } else if (text.startsWith("expect:")) {
        expect = text.substring("expect:".length()).trim();
      } else if (text.startsWith("flags:")) {
        for (String f : text.substring("flags:".length()).split(",")) {
          flags.add(f.trim());
        }
      } else if (!text.startsWith("redteam:") && !text.isEmpty()) {
        tries.append(tries.length() > 0 ? " " : "").append(text);
      }
    }
    return new Attack(
        dir.getFileName().toString(), dir, tests, options, expect, flags, tries.toString());
  }

  /** Every attack under {@code root}, by name. */
  static List<Attack> under(Path root) throws IOException {
    List<Attack> out = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(root)) {
      for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
        out.add(read(d));
      }
    }
    return out;
  }

  private static List<String> words(String text, String key) {
    String rest = text.substring(key.length()).trim();
    return rest.isEmpty() ? List.of() : List.of(rest.split("\\s+"));
  }
}
