package grading.child;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A fingerprint of every file a child JVM loads classes from (the compiled tests and tester, the
 * submission's classes, the library jars). The grader takes it before the first test and checks it
 * after each one: a test whose code wrote into these files (say, a test class that always passes,
 * for the tests after it) fails, and the tests after it are not run. Running as root, as Gradescope
 * does, file permissions would not stop such a write; this notices it.
 */
public final class GraderFiles {
  private final List<Path> roots;
  private final String digest;

  private GraderFiles(List<Path> roots) throws IOException {
    this.roots = roots;
    this.digest = digestOf(roots);
  }

  /** The fingerprint of this JVM's classpath, as it is now. */
  public static GraderFiles ofClasspath() throws IOException {
    List<Path> roots = new ArrayList<>();
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!e.isEmpty()) {
        roots.add(Path.of(e).toAbsolutePath());
      }
    }
    return new GraderFiles(roots);
  }

  /** Whether the files still match the fingerprint. */
  public boolean unchanged() {
    try {
      return digestOf(roots).equals(digest);
    } catch (IOException e) {
      return false;
    }
  }

  private static String digestOf(List<Path> roots) throws IOException {
    MessageDigest sha = sha256();
    byte[] buf = new byte[1 << 16];
    for (Path root : roots) {
      if (!Files.exists(root)) {
        sha.update(("missing " + root + "\n").getBytes());
        continue;
      }
      List<Path> files;
      try (Stream<Path> walk = Files.walk(root)) {
        files = walk.filter(Files::isRegularFile).sorted().toList();
      }
      for (Path f : files) {
        sha.update((f + "\n").getBytes());
        try (InputStream in = Files.newInputStream(f)) {
          int n;
          while ((n = in.read(buf)) > 0) {
            sha.update(buf, 0, n);
          }
        }
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
