package cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where a submission is built and graded: a temporary folder outside the instructor's tree, holding
 * a copy of the pristine {@code pom.xml} and tests (the main sources are assembled into it
 * afterwards) and nothing else: no {@code solution/}, no handouts, no tools. Graded code runs
 * there, so neither a relative path nor its working folder leads to the reference. Deleted when
 * closed.
 *
 * <pre>
 * $TMPDIR/raftlab-grading-XXXX/
 *   tree/        pom.xml, src/test, src/grader, src/main/java (assembled), target/ (the build)
 *   work/        the working folders of the test JVMs
 * </pre>
 */
final class GradingTree implements AutoCloseable {
  private final Path top;

  private GradingTree(Path top) {
    this.top = top;
  }

  /** A fresh copy of {@code root}'s pom and tests. */
  static GradingTree copyOf(Path root) throws IOException {
    Path top = Files.createTempDirectory("raftlab-grading-");
    GradingTree t = new GradingTree(top);
    Files.createDirectories(t.root().resolve("src"));
    Files.copy(root.resolve("pom.xml"), t.root().resolve("pom.xml"));
    FileTrees.copy(root.resolve("src/test"), t.root().resolve("src/test"), true);
    // The front end and the grading runner that grade in the copy; the instructor's tools stay.
    FileTrees.copy(root.resolve("src/grader"), t.root().resolve("src/grader"), true);
    Files.createDirectories(t.work());
    return t;
  }

  /** The copy of the tree: its pom, tests, assembled sources and build. */
  Path root() {
    return top.resolve("tree");
  }

  /** Where the test JVMs get their working folders. */
  Path work() {
    return top.resolve("work");
  }

  /** A file of the grader's own beside the tree (not inside it). */
  Path file(String name) {
    return top.resolve(name);
  }

  /**
   * Refuses a submission whose packages hold a symbolic link: a link could pull any file of this
   * machine (the reference, say) into the graded sources.
   */
  static void refuseLinks(Path packages, List<String> studentPackages)
      throws IOException, UsageError {
    for (String pkg : studentPackages) {
      Path dir = packages.resolve(pkg.replace('.', '/'));
      if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      try (Stream<Path> all = Files.walk(dir)) {
        Path link = all.filter(Files::isSymbolicLink).findFirst().orElse(null);
        if (link != null || Files.isSymbolicLink(dir)) {
          throw new UsageError(
              dir
                  + " holds symbolic links ("
                  + (link != null ? link : dir)
                  + "); a submission"
                  + " must hold plain files");
        }
      }
    }
  }

  @Override
  public void close() throws IOException {
    FileTrees.delete(top);
  }
}
