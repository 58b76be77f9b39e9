package cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import labs.Registry;

/**
 * Decides what a run must build ({@link BuildPlan}): nothing, the student's packages with javac, or
 * everything with Maven. It compares two snapshots of the sources with those saved by the last
 * build: the given files (the pom, the tests and tester, the grader's and the instructor's source
 * roots, every main package the student does not own) and the student's packages (from the
 * registry, {@code raft} and {@code kvraft}).
 */
final class ChangeDetector {
  static final String GIVEN = "given.snapshot";
  static final String STUDENT = "student.snapshot";

  private ChangeDetector() {}

  /** The sources as they are now. */
  record Scan(SourceSnapshot given, SourceSnapshot student) {}

  static Scan scan(Target t) {
    List<String> owned = Registry.studentPackages();
    Map<String, Path> given = new LinkedHashMap<>();
    given.put("pom.xml", t.root().resolve("pom.xml"));
    given.put("test", t.root().resolve("src/test"));
    given.put("grader", t.root().resolve("src/grader"));
    given.put("instructor", t.root().resolve("src/instructor"));
    given.put("resources", t.root().resolve("src/main/resources"));
    given.put("main", t.src());
    Map<String, Path> student = Map.of("main", t.src());
    return new Scan(
        SourceSnapshot.of(given, (rel, p) -> !isStudentPath(rel, owned)),
        SourceSnapshot.of(student, (rel, p) -> isStudentPath(rel, owned) && rel.endsWith(".java")));
  }

  /** Whether {@code rel}, a path under a main source tree, is in a package the student owns. */
  static boolean isStudentPath(String rel, List<String> owned) {
    for (String pkg : owned) {
      if (rel.startsWith(pkg.replace('.', '/') + "/")) {
        return true;
      }
    }
    return false;
  }

  static BuildPlan plan(Target t, Scan now) throws IOException {
    return decide(
        isBuilt(t),
        now.given().changedSince(SourceSnapshot.read(t.cli().resolve(GIVEN))),
        now.student().changedSince(SourceSnapshot.read(t.cli().resolve(STUDENT))));
  }

  /** The rule itself: Maven for anything but the student's packages, javac for those. */
  static BuildPlan decide(boolean built, List<String> givenChanges, List<String> studentChanges) {
    if (!built || !givenChanges.isEmpty()) {
      return BuildPlan.MAVEN;
    }
    return studentChanges.isEmpty() ? BuildPlan.NOTHING : BuildPlan.JAVAC;
  }

  /** Whether a Maven build of the target has finished: classes, tests and classpaths are there. */
  static boolean isBuilt(Target t) {
    return Files.isRegularFile(t.libraries())
        && Files.isRegularFile(t.mainLibraries())
        && Files.isRegularFile(t.testClasses().resolve("cli/Main.class"));
  }

  /** Saves what a build was made from: both snapshots after Maven, the student's after javac. */
  static void record(Target t, Scan scan, BuildPlan built) throws IOException {
    if (built == BuildPlan.MAVEN) {
      scan.given().write(t.cli().resolve(GIVEN));
    }
    scan.student().write(t.cli().resolve(STUDENT));
  }

  /** Forgets the student snapshot, so that the next run compiles the student's code again. */
  static void forgetStudent(Target t) throws IOException {
    Files.deleteIfExists(t.cli().resolve(STUDENT));
  }
}
