package cli;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The one place that copies and deletes folders: the build's trees, the grading tree, the variants'
 * trees, the checks' fresh copies. A symbolic link is never followed: deleting a tree removes the
 * link itself, and copying one refuses it (a link in a submission could pull in any file of the
 * grader's machine).
 */
public final class FileTrees {
  private FileTrees() {}

  /** Deletes {@code dir} and everything under it; nothing happens if it is not there. */
  public static void delete(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  /**
   * Copies the tree {@code from} into {@code to}, merging with what {@code to} holds (use {@link
   * #delete} first for a fresh copy). With {@code keepTimes}, each file keeps its modification
   * time, as {@code cp -p} does; without, it gets the time of the copy, as an editor's save does.
   *
   * @throws IOException if the tree holds a symbolic link
   */
  public static void copy(Path from, Path to, boolean keepTimes) throws IOException {
    Files.walkFileTree(
        from,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            Files.createDirectories(to.resolve(from.relativize(dir).toString()));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            if (attrs.isSymbolicLink()) {
              throw new IOException(file + " is a symbolic link; a copied tree holds plain files");
            }
            Path target = to.resolve(from.relativize(file).toString());
            if (keepTimes) {
              Files.copy(
                  file,
                  target,
                  StandardCopyOption.REPLACE_EXISTING,
                  StandardCopyOption.COPY_ATTRIBUTES);
            } else {
              Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
