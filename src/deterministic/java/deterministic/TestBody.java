package deterministic;

import diagnostics.EventLog;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import tester.Config;
import tester.TestFailure;
import tester.TesterExtension;

/**
 * One lab test, run the way JUnit runs it (a fresh instance of the test class, the test method,
 * then {@link TesterExtension#afterEach}), but on the calling thread and without JUnit.
 *
 * <p>Why without JUnit: under the scheduler every thread of the JVM that the test touches is
 * scheduled, and JUnit adds its own (the timeout watcher and the separate test thread of {@code
 * junit-platform.properties}); its discovery also costs thousands of scheduled steps. The test's
 * hard limit is virtual time here anyway (see {@link Deterministic}).
 *
 * <p>This class is loaded afresh for every schedule, with the tester and the code under test, by a
 * class loader of its own ({@link Schedule}), so static state (the labrpc handler pool, the guard's
 * threads, {@code Config.current}) starts empty each time: a schedule then depends on its seed
 * only, not on the schedules run before it in the same JVM. It talks to its caller only in JDK
 * types (a String) for the same reason.
 */
public final class TestBody {
  private TestBody() {}

  /**
   * Runs {@code className#methodName}, writes the test's event log to {@code logFile}, and returns
   * {@code "ok"} or {@code "FAIL <message>"}.
   */
  public static String run(String className, String methodName, String logFile)
      throws ReflectiveOperationException, IOException {
    Class<?> cls = Class.forName(className, true, TestBody.class.getClassLoader());
    Method method = cls.getDeclaredMethod(methodName);
    method.setAccessible(true);
    var ctor = cls.getDeclaredConstructor();
    ctor.setAccessible(true);
    Object instance = ctor.newInstance();

    Throwable thrown = null;
    try {
      method.invoke(instance);
    } catch (InvocationTargetException e) {
      thrown = e.getCause();
    }
    // Config.current() is cleared by cleanup, so take the test's world now.
    Config cfg = Config.current();
    Throwable failure = thrown;
    try {
      new TesterExtension().afterEach(contextOf(method, thrown));
    } catch (Throwable late) {
      failure = failure != null ? failure : late;
    }
    if (failure != null) {
      System.out.printf("--- FAIL: %s%n", methodName);
    }
    if (cfg != null) {
      writeLog(cfg.events(), Path.of(logFile));
    }
    if (failure == null) {
      return "ok";
    }
    String message = failure instanceof TestFailure ? failure.getMessage() : failure.toString();
    return "FAIL " + message;
  }

  /**
   * The two things {@link TesterExtension} asks of JUnit's context: the exception the test threw
   * and the test method. Any other question is a change in the extension that this prototype must
   * follow, so it fails loudly.
   */
  private static ExtensionContext contextOf(Method method, Throwable thrown) {
    return (ExtensionContext)
        Proxy.newProxyInstance(
            ExtensionContext.class.getClassLoader(),
            new Class<?>[] {ExtensionContext.class},
            (proxy, m, args) ->
                switch (m.getName()) {
                  case "getExecutionException" -> Optional.ofNullable(thrown);
                  case "getTestMethod" -> Optional.of(method);
                  case "toString" -> "deterministic context of " + method.getName();
                  default ->
                      throw new UnsupportedOperationException("ExtensionContext." + m.getName());
                });
  }

  /**
   * One line per event: virtual time in microseconds since the log began, server, kind, term, text.
   * Under the scheduler every field is a function of the seed, so two runs of one seed write the
   * same file, byte for byte.
   */
  static void writeLog(EventLog log, Path file) throws IOException {
    List<EventLog.Event> events = log.events();
    StringBuilder sb = new StringBuilder();
    for (EventLog.Event e : events) {
      sb.append(
          String.format(
              "%10d %-3s %-10s %-4s %s%n",
              e.nanos() / 1000,
              e.server() < 0 ? "-" : "S" + e.server(),
              e.kind(),
              e.term() < 0 ? "-" : "T" + e.term(),
              e.text()));
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, sb, StandardCharsets.UTF_8);
  }
}
