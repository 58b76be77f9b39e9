package grading.verdict;

import java.util.List;
import java.util.Set;

/**
 * Whether the code asking for a passing verdict is the grader's: the thread that opened the channel
 * (JUnit reports every result on it), and on its stack only the JDK's own modules (not the dynamic
 * modules of proxies), this module, JUnit and the grader, never a class of the student's packages,
 * not even a lambda of theirs (hidden frames are walked too). A student's code that found the
 * channel by some door would have its own frames, or a proxy's, on the stack, or run on a thread of
 * its own.
 */
final class TrustedCaller {
  private static final StackWalker WALKER =
      StackWalker.getInstance(
          Set.of(
              StackWalker.Option.RETAIN_CLASS_REFERENCE,
              StackWalker.Option.SHOW_HIDDEN_FRAMES,
              StackWalker.Option.SHOW_REFLECT_FRAMES));

  /** Where the grader's own code is, in the unnamed module. */
  private static final List<String> GRADER = List.of("grading.", "org.junit.", "org.opentest4j.");

  private final Thread owner;
  private final List<String> studentPackages;

  TrustedCaller(Thread owner, List<String> studentPackages) {
    this.owner = owner;
    this.studentPackages = List.copyOf(studentPackages);
  }

  /** Why the current call is not the grader's, or null if it is. */
  String refusal() {
    if (Thread.currentThread() != owner) {
      return "from thread \"" + Thread.currentThread().getName() + "\"";
    }
    return WALKER.walk(
        frames ->
            frames
                .map(StackWalker.StackFrame::getDeclaringClass)
                .filter(c -> !trusted(c))
                .map(c -> "through " + c.getName())
                .findFirst()
                .orElse(null));
  }

  private boolean trusted(Class<?> c) {
    Module m = c.getModule();
    if (m.isNamed()) {
      return m.getLayer() == ModuleLayer.boot();
    }
    String name = c.getName();
    for (String pkg : studentPackages) {
      if (name.startsWith(pkg + ".")) {
        return false;
      }
    }
    return GRADER.stream().anyMatch(name::startsWith);
  }
}
