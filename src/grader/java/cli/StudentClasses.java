package cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import labs.Registry;

/**
 * Tells a student's class from a given one by name: a class is the student's when its package is
 * one the student owns ({@code raft}, {@code kvraft}, ...) and the jar of given classes does not
 * hold it. The tester's classes share those packages ({@code raft.RaftTester}) and are given; the
 * student's ({@code raft.Raft}) must only ever come from the freshly compiled folder, never from
 * the class-data archive, or an edit would not be what runs.
 */
final class StudentClasses {
  private final List<String> owned;
  private final Set<String> given;

  private StudentClasses(List<String> owned, Set<String> given) {
    this.owned = owned;
    this.given = given;
  }

  /** The rule for the registry's student packages and the given classes in {@code givenJar}. */
  static StudentClasses of(Path givenJar) throws IOException {
    Set<String> given = new HashSet<>();
    try (JarFile jar = new JarFile(givenJar.toFile())) {
      for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
        String n = e.nextElement().getName();
        if (n.endsWith(".class")) {
          given.add(n.substring(0, n.length() - ".class".length()));
        }
      }
    }
    return new StudentClasses(Registry.studentPackages(), given);
  }

  /** As {@link #of}, with the packages and given classes spelled out (for the self-tests). */
  static StudentClasses of(List<String> owned, Set<String> givenInternalNames) {
    return new StudentClasses(owned, givenInternalNames);
  }

  /**
   * Whether {@code name} ({@code raft.Raft} or {@code raft/Raft}) is a student's class. A lambda's
   * class ({@code raft.RfSrv$$Lambda$862/0x8000003d4}) is its host's.
   */
  boolean isStudents(String name) {
    int lambda = name.indexOf("$$Lambda");
    String host = lambda > 0 ? name.substring(0, lambda) : name;
    String internal = host.replace('.', '/');
    return ChangeDetector.isStudentPath(internal, owned) && !given.contains(internal);
  }
}
