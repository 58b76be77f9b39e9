package cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import labs.Registry;

/**
 * Assembles a main source tree: the pristine {@code src/main/java} with the student's packages
 * (from the registry) taken from another folder instead, for the reference solution, a buggy
 * variant or a submission. A student package the other folder lacks keeps the skeleton's version.
 *
 * <p>Only files whose content differs are written, with the timestamps of their originals, and
 * files that no longer belong are removed: an unchanged tree stays unchanged, so it is not compiled
 * again.
 */
public final class TreeAssembler {
  private TreeAssembler() {}

  /** Assembles {@code out} from {@code pristine} with the student packages from {@code overlay}. */
  public static void assemble(Path pristine, Path overlay, Path out) throws IOException {
    List<String> owned = Registry.studentPackages();
    Map<String, Path> wanted = new HashMap<>();
    collect(pristine, pristine, wanted);
    for (String pkg : owned) {
      Path dir = overlay.resolve(pkg.replace('.', '/'));
      if (Files.isDirectory(dir)) {
        String prefix = pkg.replace('.', '/') + "/";
        wanted.keySet().removeIf(rel -> rel.startsWith(prefix));
        collect(overlay, dir, wanted);
      }
    }
    Files.createDirectories(out);
    for (Map.Entry<String, Path> e : wanted.entrySet()) {
      Path dest = out.resolve(e.getKey());
      if (!sameContent(e.getValue(), dest)) {
        Files.createDirectories(dest.getParent());
        Files.copy(
            e.getValue(),
            dest,
            StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
    Map<String, Path> present = new HashMap<>();
    collect(out, out, present);
    for (String rel : present.keySet()) {
      if (!wanted.containsKey(rel)) {
        Files.delete(present.get(rel));
      }
    }
  }

  /**
   * Adds every file under {@code dir} to {@code into}, keyed by its path relative to {@code base}.
   */
  private static void collect(Path base, Path dir, Map<String, Path> into) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.filter(Files::isRegularFile)
          .forEach(p -> into.put(base.relativize(p).toString().replace('\\', '/'), p));
    }
  }

  private static boolean sameContent(Path a, Path b) throws IOException {
    return Files.isRegularFile(b)
        && Files.size(a) == Files.size(b)
        && Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b))
        && Files.getLastModifiedTime(a).equals(Files.getLastModifiedTime(b));
  }
}
