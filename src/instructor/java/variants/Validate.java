package variants;

import cli.FileTrees;
import cli.JavacBuild;
import cli.TreeAssembler;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import labs.Registry;

/**
 * {@code make validate}: proves that the tests catch what they claim to. Each buggy variant of the
 * reference ({@link Variant}) is applied to a copy of the reference's packages, assembled into a
 * tree with the given code ({@link TreeAssembler}), compiled, and run against its part in a JVM of
 * its own ({@link checks.FirstFailure}, which stops at the first failed test and reads it from the
 * signed verdicts). Prints a table (variant, part, caught or MISSED, the test that caught it, its
 * message) and ends with {@code N passed, N failed}; exits with 0 only if every variant was caught.
 *
 * <pre>
 * java -cp ... variants.Validate ROOT [--build-only] [NAME...]
 *   ROOT          the repository
 *   NAME          some variants (default: all of them)
 *   --build-only  only build each variant into target/variants/NAME/classes and run nothing: for
 *                 runs of one's own on a variant's classes (a single test, the deterministic mode's
 *                 exploration) without the real-time runs of a whole part
 * </pre>
 *
 * The tests and the tester come from the reference's build ({@code target/solution}, which {@code
 * tools/validate.sh} makes first); each variant's own classes go in front of them.
 */
public final class Validate {
  /** One row of the table. */
  record Row(String variant, String part, String result, String test, String message) {
    boolean caught() {
      return result.equals("caught");
    }
  }

  private final Path root;

  /** The libraries a variant is compiled against and run with, as a classpath. */
  private final String libraries;

  Validate(Path root, String libraries) {
    this.root = root;
    this.libraries = libraries;
  }

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]).toAbsolutePath().normalize();
    List<String> names = new ArrayList<>(List.of(args).subList(1, args.length));
    boolean buildOnly = names.remove("--build-only");
    List<Variant> variants = new ArrayList<>();
    if (!names.isEmpty()) {
      for (String name : names) {
        variants.add(Variant.read(root.resolve("solution/variants/" + name + ".patch")));
      }
    } else {
      variants = Variant.all(root.resolve("solution/variants"));
    }
    // The libraries as Maven listed them for the reference's build (tools/validate.sh makes it).
    String libraries =
        Files.readString(root.resolve("target/solution/test-classpath.txt"), StandardCharsets.UTF_8)
            .trim();
    Validate validate = new Validate(root, libraries);
    List<Row> rows = new ArrayList<>();
    for (Variant v : variants) {
      if (buildOnly) {
        Path dir = root.resolve("target/variants/" + v.name());
        Row broken = validate.build(v, dir);
        rows.add(
            broken != null
                ? broken
                : new Row(v.name(), v.part(), "built", "-", dir.resolve("classes").toString()));
      } else {
        rows.add(validate.check(v));
      }
    }
    System.out.printf(
        "%n%-28s %-4s %-7s %-32s %s%n", "variant", "part", "result", "caught by", "message");
    for (Row r : rows) {
      System.out.printf(
          "%-28s %-4s %-7s %-32s %s%n", r.variant(), r.part(), r.result(), r.test(), r.message());
    }
    if (buildOnly) {
      long broken = rows.stream().filter(r -> !r.result().equals("built")).count();
      System.out.println();
      System.out.println((rows.size() - broken) + " built, " + broken + " broken");
      System.exit(broken == 0 ? 0 : 1);
    }
    long missed = rows.stream().filter(r -> !r.caught()).count();
    System.out.println();
    System.out.println((rows.size() - missed) + " passed, " + missed + " failed");
    System.exit(missed == 0 ? 0 : 1);
  }

  /** Builds and runs one variant. */
  private Row check(Variant v) throws IOException, InterruptedException {
    Path dir = root.resolve("target/variants/" + v.name());
    Row broken = build(v, dir);
    if (broken != null) {
      return broken;
    }
    System.err.println(
        "validate: " + v.name() + " (" + v.part() + ", expected: " + v.caughtBy() + ") ...");
    Path result = dir.resolve("result.tsv");
    List<String> cmd =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-XX:+UseSerialGC",
            "-cp",
            dir.resolve("classes") + File.pathSeparator + testClasspath(),
            "checks.FirstFailure",
            v.part(),
            dir.resolve("output.log").toString(),
            result.toString());
    int status = new ProcessBuilder(cmd).inheritIO().start().waitFor();
    String[] fields =
        Files.isRegularFile(result)
            ? Files.readString(result, StandardCharsets.UTF_8).strip().split("\t", 3)
            : new String[] {"error"};
    if (fields[0].equals("caught")) {
      String test = fields.length > 1 ? fields[1] : "?";
      String message = fields.length > 2 ? fields[2] : "";
      String shown = v.expects(test) ? test : test + " (expected: " + v.caughtBy() + ")";
      return new Row(
          v.name(),
          v.part(),
          "caught",
          shown,
          message.length() > 70 ? message.substring(0, 70) : message);
    }
    if (fields[0].equals("missed")) {
      return new Row(v.name(), v.part(), "MISSED", "-", "every " + v.part() + " test passed");
    }
    return new Row(
        v.name(),
        v.part(),
        "BROKEN",
        "the run ended with " + status,
        "see " + dir.resolve("output.log"));
  }

  /**
   * Builds one variant into {@code dir/classes}: the reference's student packages, copied to {@code
   * dir/pkg} and patched, assembled with the given code of the tree into {@code dir/src} and
   * compiled. Returns null if it built, or the row that says why not (BROKEN).
   */
  Row build(Variant v, Path dir) throws IOException {
    FileTrees.delete(dir);
    Path packages = dir.resolve("pkg");
    for (String pkg : Registry.studentPackages()) {
      Path from = root.resolve("solution/src/main/java").resolve(pkg.replace('.', '/'));
      // A package inside a student package (kvraft.rsm) comes with its parent's folder; one whose
      // parent is given code (shardkv.shardgrp: shardkv.shardcfg is not the student's) is copied
      // on its own.
      boolean nested = Registry.studentPackages().stream().anyMatch(p -> pkg.startsWith(p + "."));
      if (Files.isDirectory(from) && !nested) {
        FileTrees.copy(from, packages.resolve(pkg.replace('.', '/')), false);
      }
    }
    List<String> problems = v.applyTo(packages);
    if (!problems.isEmpty()) {
      Files.write(dir.resolve("patch.log"), problems, StandardCharsets.UTF_8);
      return new Row(
          v.name(),
          v.part(),
          "BROKEN",
          "the patch does not apply",
          "see " + dir.resolve("patch.log"));
    }
    TreeAssembler.assemble(root.resolve("src/main/java"), packages, dir.resolve("src"));
    if (!compile(dir.resolve("src"), dir.resolve("classes"), dir.resolve("javac.log"))) {
      return new Row(
          v.name(), v.part(), "BROKEN", "does not compile", "see " + dir.resolve("javac.log"));
    }
    return null;
  }

  /**
   * Compiles every source under {@code src} into {@code out}; javac's messages go to {@code log}.
   */
  private boolean compile(Path src, Path out, Path log) throws IOException {
    List<Path> sources;
    try (Stream<Path> walk = Files.walk(src)) {
      sources = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    StringWriter messages = new StringWriter();
    boolean ok = JavacBuild.compileSources(sources, out, libraries, messages);
    Files.writeString(log, messages.toString(), StandardCharsets.UTF_8);
    return ok;
  }

  /** The reference's compiled tests and tester, then the libraries. */
  private String testClasspath() {
    return root.resolve("target/solution/test-classes") + File.pathSeparator + libraries;
  }
}
