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
import java.util.zip.CRC32C;

/**
 * The size, modification time and a checksum of the content of every file of some source trees:
 * what decides whether anything changed since the last build. A file added, removed, edited or
 * restored from git shows up as a difference (unlike a timestamp file, which misses a removed
 * file), and so does an edit that keeps the size and the time (a copy with {@code cp -p}, an
 * archive unpacked with its old times, two saves within the clock's resolution). Reading the
 * sources costs a few milliseconds: they are a megabyte or two.
 *
 * @param files each file's key (a label and its path under the tree) and "size mtime crc"
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
                  files.put(
                      key, a.size() + " " + a.lastModifiedTime().toMillis() + " " + checksum(p));
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

  /** CRC-32C of the file's content, in hexadecimal. */
  private static String checksum(Path p) throws IOException {
    CRC32C crc = new CRC32C();
    crc.update(Files.readAllBytes(p));
    return Long.toHexString(crc.getValue());
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
