package cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The classes a class-data-sharing archive holds, as the JVM itself lists them ({@code
 * -XX:+PrintSharedArchiveAndExit}: a line {@code 830: raft.RaftTester app_loader} per class). The
 * fast start checks with it, after writing an archive, that the archive holds none of the student's
 * classes; the end-to-end check of the edit loop lists it again.
 */
final class ArchiveContents {
  private static final Pattern CLASS_LINE = Pattern.compile("^\\s*\\d+: (\\S+)( |$)");

  private ArchiveContents() {}

  /**
   * The names ({@code raft.RaftTester}) of the classes in {@code archive}, read by {@code java}
   * with {@code classpath}, which must start with the classpath the archive was written with, in
   * the folder {@code dir} (the tree's root: the archive names the launcher's jar relative to it).
   *
   * @throws IOException if the JVM lists no class: the archive does not fit that JVM or classpath
   */
  static List<String> list(String java, Path archive, List<String> classpath, Path dir)
      throws IOException, InterruptedException {
    List<String> cmd =
        List.of(
            java,
            "-XX:SharedArchiveFile=" + archive,
            "-XX:+PrintSharedArchiveAndExit",
            "-cp",
            JvmArgs.classpath(classpath, File.pathSeparator));
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
    }
    List<String> classes = parse(new String(out, StandardCharsets.UTF_8));
    if (classes.isEmpty()) {
      throw new IOException(
          "the JVM listed no class of "
              + archive
              + ":\n"
              + new String(out, StandardCharsets.UTF_8));
    }
    return classes;
  }

  /** The class names in the JVM's listing. */
  static List<String> parse(String listing) {
    List<String> classes = new ArrayList<>();
    for (String line : listing.split("\\R")) {
      Matcher m = CLASS_LINE.matcher(line);
      if (m.find()) {
        classes.add(m.group(1));
      }
    }
    return classes;
  }
}
