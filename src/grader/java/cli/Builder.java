package cli;

import java.io.IOException;
import java.io.PrintStream;

/**
 * Brings a {@link Target}'s build up to date before a run, as cheaply as {@link ChangeDetector}
 * allows, and keeps its fast start ({@link FastStart}) prepared.
 */
final class Builder {
  /** What {@link #update} did. */
  enum Outcome {
    UP_TO_DATE,
    COMPILED,
    /** Maven rebuilt the classes, in this JVM's run: they are newer than the ones it loaded. */
    MAVEN_BUILT,
    /**
     * The fast start was prepared anew (another JDK, say): the jar this JVM loads its given classes
     * from may be gone, so the tests run in a JVM of the new one.
     */
    FAST_START_PREPARED,
    FAILED
  }

  private Builder() {}

  static Outcome update(Target t, Workspace ws, PrintStream err)
      throws IOException, InterruptedException {
    if (t.overlay() != null) {
      TreeAssembler.assemble(t.root().resolve("src/main/java"), t.overlay(), t.src());
    }
    ChangeDetector.Scan scan = ChangeDetector.scan(t);
    Timing.mark("sources scanned");
    boolean bootstrapBuilt = ws.mavenBuilt() && t.build().equals(ws.build());
    BuildPlan plan = bootstrapBuilt ? BuildPlan.MAVEN : ChangeDetector.plan(t, scan);
    boolean mavenHere = false;
    switch (plan) {
      case MAVEN -> {
        if (!bootstrapBuilt) {
          err.println(
              Requirements.launcher()
                  + ": compiling "
                  + t.name()
                  + " with Maven ("
                  + (ChangeDetector.isBuilt(t)
                      ? "the pom, a test or a given file changed"
                      : "its first build")
                  + ") ...");
          String mvn = MavenBuild.mavenOrExit(err);
          // Maven's compiler skips a source older than its class (a file copied with its old
          // time, say): without their classes, the student's packages are always compiled.
          JavacBuild.deleteStudentClasses(t);
          if (!MavenBuild.run(
              mvn,
              t.root().toFile(),
              t.mavenProperties(),
              t.cli().resolve("maven.log").toFile(),
              err)) {
            return notCompiled(err);
          }
          mavenHere = true;
        }
        ChangeDetector.record(t, scan, BuildPlan.MAVEN);
        FastStart.invalidate(t);
      }
      case JAVAC -> {
        if (!JavacBuild.compileStudentPackages(t, err)) {
          ChangeDetector.forgetStudent(t);
          return notCompiled(err);
        }
        ChangeDetector.record(t, scan, BuildPlan.JAVAC);
      }
      case NOTHING -> {}
    }
    boolean prepared = false;
    if (t.fastStart() && !FastStart.ready(t)) {
      FastStart.prepare(t, err);
      prepared = true;
    }
    if (mavenHere) {
      return Outcome.MAVEN_BUILT;
    }
    if (prepared) {
      return Outcome.FAST_START_PREPARED;
    }
    return plan == BuildPlan.JAVAC ? Outcome.COMPILED : Outcome.UP_TO_DATE;
  }

  private static Outcome notCompiled(PrintStream err) {
    err.println(Requirements.launcher() + ": the code does not compile; nothing was tested");
    System.out.println("0 passed, 1 failed");
    return Outcome.FAILED;
  }
}
