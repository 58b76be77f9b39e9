package cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The list of classes that the JVM writes with {@code -XX:DumpLoadedClassList} and reads back to
 * dump a class-data archive ({@code -Xshare:dump -XX:SharedClassListFile}). A line names a class
 * ({@code raft/RaftTester id: 12}); a line that starts with {@code @} says more about the class it
 * names first ({@code @lambda-proxy raft/RaftTester ...}, {@code @cp raft/RaftTester 8 15}); a line
 * that starts with {@code #} is a comment.
 */
final class ClassList {
  private ClassList() {}

  /**
   * Copies the list {@code from} to {@code to} without the student's classes and what is said about
   * them: the warm-up that wrote it ran the student's code, the archive must never hold it.
   *
   * @return how many lines were left out
   */
  static int withoutStudentClasses(Path from, Path to, StudentClasses rule) throws IOException {
    List<String> kept = new ArrayList<>();
    int dropped = 0;
    for (String line : Files.readAllLines(from, StandardCharsets.UTF_8)) {
      String named = classNamed(line);
      if (named != null && rule.isStudents(named)) {
        dropped++;
      } else {
        kept.add(line);
      }
    }
    Files.write(to, kept, StandardCharsets.UTF_8);
    return dropped;
  }

  /** The class a line of the list is about ({@code raft/Raft}), or null for a comment. */
  static String classNamed(String line) {
    String[] words = line.trim().split("\\s+");
    if (words[0].isEmpty() || words[0].startsWith("#")) {
      return null;
    }
    if (words[0].startsWith("@")) {
      return words.length > 1 ? words[1] : null;
    }
    return words[0];
  }
}
