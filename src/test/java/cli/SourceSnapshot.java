package cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.stream.Stream;

/**
 * The size and modification time of every file of some source trees: what decides, without reading
 * a single source, whether anything changed since the last build. A file added, removed, edited or
 * restored from git shows up as a difference (unlike a timestamp file, which misses a removed
 * file).
 *
 * @param files each file's key (a label and its path under the tree) and "size mtime"
 */
record SourceSnapshot(Map<String, String> files) {

  /** The files of several trees; {@code roots} maps a label to a file or folder. */
  static SourceSnapshot of(Map<String, Path> roots, BiPredicate<String, Path> include) {
    Map<String, String> files = new TreeMap<>();
    for (Map.Entry<String, Path> root : roots.entrySet()) {
      Path base = root.getValue();
      if (!Files.exists(base)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(base)) {
        walk.forEach(
            p -> {
              try {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                if (!a.isRegularFile()) {
                  return;
                }
                String rel = base.relativize(p).toString().replace('\\', '/');
                String key = root.getKey() + (rel.isEmpty() ? "" : "/" + rel);
                if (include.test(rel, p)) {
                  files.put(key, a.size() + " " + a.lastModifiedTime().toMillis());
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new SourceSnapshot(files);
  }

  /** The snapshot saved in {@code file}, or null if there is none. */
  static SourceSnapshot read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    Map<String, String> files = new TreeMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      int tab = line.lastIndexOf('\t');
      if (tab > 0) {
        files.put(line.substring(0, tab), line.substring(tab + 1));
      }
    }
    return new SourceSnapshot(files);
  }

  void write(Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    files.forEach((k, v) -> lines.add(k + "\t" + v));
    Files.createDirectories(file.getParent());
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  /** The keys of the files that differ between the two (added, removed or changed). */
  List<String> changedSince(SourceSnapshot before) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, String> e : files.entrySet()) {
      if (before == null || !e.getValue().equals(before.files.get(e.getKey()))) {
        out.add(e.getKey());
      }
    }
    if (before != null) {
      for (String k : before.files.keySet()) {
        if (!files.containsKey(k)) {
          out.add(k);
        }
      }
    }
    return out;
  }
}
