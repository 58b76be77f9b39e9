package grading.child;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The modules of a child JVM that runs code under test. The JDK's modules are limited ({@code
 * --limit-modules}) to those the tests, the tester, JUnit and Gson need: {@code java.base}, and
 * {@code java.logging} for JUnit's own logger. Every other module, and with it another door out of
 * a Raft, is not there at all: {@code jdk.unsupported} (sun.misc.Unsafe, sun.misc.Signal), {@code
 * java.management} and {@code jdk.management} (thread dumps of the grader, heap dumps, diagnostic
 * commands that load agents), {@code java.instrument} and {@code jdk.attach} (agents), {@code
 * java.desktop} (java.beans, which calls methods by name), {@code java.scripting}, {@code
 * jdk.jshell}, {@code java.compiler} and {@code jdk.compiler} (compiling and running new code),
 * {@code jdk.jdi} and {@code jdk.jdwp.agent} (debuggers), {@code java.rmi}, {@code java.naming},
 * {@code java.sql}, {@code java.net.http}, {@code jdk.httpserver}, {@code java.xml} and the rest.
 *
 * <p>On JDK 24 and later, native code is refused as well ({@code --illegal-native-access=deny}):
 * System.load and System.loadLibrary, and the foreign function API of java.base, throw instead of
 * loading a library (JDK 17 has no such option; there the scan alone stops native code).
 *
 * <p>The verdict channel ({@code grading.verdict}) is put in a named module of its own, {@code
 * raftlab.verdict} ({@link VerdictModule}), that the unnamed module where the tests run may call
 * but not open.
 */
final class ChildModules {
  /** The JDK's modules a child may use. */
  static final List<String> JDK = List.of("java.base", "java.logging");

  private ChildModules() {}

  /** The child's module options, with the verdict module at {@code verdictJar} (or none). */
  static List<String> jvmOptions(Path verdictJar) {
    List<String> out = new ArrayList<>();
    List<String> limit = new ArrayList<>(JDK);
    if (verdictJar != null) {
      out.add("--module-path");
      out.add(verdictJar.toString());
      out.add("--add-modules");
      out.add(VerdictModule.NAME);
      limit.add(VerdictModule.NAME);
    }
    out.add("--limit-modules");
    out.add(String.join(",", limit));
    if (Runtime.version().feature() >= 24) { // the child runs this JVM's java
      out.add("--illegal-native-access=deny");
    }
    return out;
  }
}
