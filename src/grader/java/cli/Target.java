package cli;

import java.nio.file.Path;
import java.util.List;

/**
 * One tree of sources that the front end builds and tests, and where its build goes.
 *
 * <ul>
 *   <li>the student's own code: {@code src/main/java}, built into {@code target/};
 *   <li>the reference solution: {@code src/main/java} with the student packages taken from {@code
 *       solution/src/main/java}, assembled in {@code target/trees/solution} and built into {@code
 *       target/solution/};
 *   <li>a submission: the same with the student packages taken from the submission, built afresh
 *       into {@code target/submissions/NAME/}.
 * </ul>
 *
 * @param name what messages call it
 * @param root the repository's root
 * @param src the main source tree that is built
 * @param build the build folder (Maven's {@code raftlab.build})
 * @param overlay where the student packages come from, or null for {@code src/main/java} itself
 * @param fastStart whether it keeps the fast start (javac fast path, class-data archive): not for a
 *     submission, which is built once and graded once
 */
public record Target(
    String name, Path root, Path src, Path build, Path overlay, boolean fastStart) {

  static Target student(Path root) {
    return new Target(
        "your code", root, root.resolve("src/main/java"), root.resolve("target"), null, true);
  }

  static Target solution(Path root) {
    return new Target(
        "the reference solution",
        root,
        root.resolve("target/trees/solution"),
        root.resolve("target/solution"),
        root.resolve("solution/src/main/java"),
        true);
  }

  /**
   * A submission, built in {@code tree}: a copy of the pristine tree outside the instructor's (see
   * {@link GradingTree}), so that graded code finds no {@code solution/} near it.
   */
  static Target submission(Path tree, Path packages) {
    return new Target(
        "the submission",
        tree,
        tree.resolve("src/main/java"),
        tree.resolve("target"),
        packages,
        false);
  }

  /** The front end's own files for this build: snapshots, the class-data archive, java.args. */
  Path cli() {
    return build.resolve("cli");
  }

  Path classes() {
    return build.resolve("classes");
  }

  Path testClasses() {
    return build.resolve("test-classes");
  }

  /** The test classpath's libraries, one line, as Maven wrote it (see pom.xml). */
  Path libraries() {
    return build.resolve("test-classpath.txt");
  }

  /** The libraries of the main code only (no JUnit): what the student's code compiles against. */
  Path mainLibraries() {
    return build.resolve("compile-classpath.txt");
  }

  /** The Maven properties that build this tree. */
  List<String> mavenProperties() {
    return List.of("-Draftlab.src=" + src, "-Draftlab.build=" + build);
  }
}
