package grading.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scan allows what a Raft, a clerk or a server needs, in compiled code, and flags everything
 * else, saying where.
 */
class ClassScannerTest {
  @TempDir Path dir;

  private List<Flag> scan(String source, Set<String> tester, List<String> extra) throws Exception {
    Path src = Files.createDirectories(dir.resolve("src/raft")).resolve("Raft.java");
    Files.writeString(src, source, StandardCharsets.UTF_8);
    Path classes = Files.createDirectories(dir.resolve("classes"));
    int status =
        ToolProvider.getSystemJavaCompiler()
            .run(null, null, null, "-d", classes.toString(), src.toString());
    assertEquals(0, status, "the sample does not compile");
    return new ClassScanner(tester, pkg -> SubmissionScan.allowListFor(pkg, extra))
        .scan(classes, List.of("raft"));
  }

  private List<Flag> scan(String source) throws Exception {
    return scan(source, Set.of(), List.of());
  }

  private static List<String> rules(List<Flag> flags) {
    return flags.stream().map(Flag::rule).distinct().sorted().toList();
  }

  private static List<String> targets(List<Flag> flags) {
    return flags.stream().map(Flag::target).distinct().sorted().toList();
  }

  @Test
  void whatARaftIsWrittenWithIsNotFlagged() throws Exception {
    // Threads, locks, executors, futures, atomics, collections, streams, records, enums, lambdas,
    // method references, string concatenation and switches, assert, in-memory streams.
    List<Flag> flags =
        scan(
            """
        package raft;
        import java.io.*;
        import java.util.*;
        import java.util.concurrent.*;
        import java.util.concurrent.atomic.AtomicLong;
        import java.util.concurrent.locks.*;
        public class Raft extends Thread implements Runnable {
          enum Role { FOLLOWER, CANDIDATE, LEADER }
          record Entry(int term, Object command) {}
          private final ReentrantLock mu = new ReentrantLock();
          private final Condition cond = mu.newCondition();
          private final List<Entry> log = new ArrayList<>();
          private final AtomicLong clock = new AtomicLong(System.nanoTime());
          private final ExecutorService pool = Executors.newCachedThreadPool();
          private Role role = Role.FOLLOWER;
          synchronized void go() throws Exception {
            assert log.isEmpty();
            setName("raft-ticker");
            setDaemon(true);
            new Thread(() -> { mu.lock(); try { log.add(new Entry(1, "x")); } finally { mu.unlock(); } })
                .start();
            CompletableFuture.supplyAsync(() -> 1, pool).thenAccept(System.out::println).get();
            String s = switch (role) { case LEADER -> "L"; default -> "F"; };
            switch (s) { case "L": break; default: Thread.sleep(ThreadLocalRandom.current().nextInt(10)); }
            System.out.println("term " + log.size() + " " + role + " " + Role.valueOf("LEADER"));
            int sum = log.stream().mapToInt(Entry::term).sum() + Math.max(1, Integer.parseInt("2"));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            new DataOutputStream(bytes).writeInt(sum);
            new PrintWriter(new StringWriter()).println(Arrays.toString(new int[] {1}.clone()));
            Runtime.getRuntime().availableProcessors();
            wait(1);
            Thread.currentThread().interrupt();
            System.err.println(getClass().getSimpleName() + Objects.hash(log) + new StringBuilder("x"));
          }
        }
        """);
    assertEquals(List.of(), flags);
  }

  @Test
  void everyKindOfEscapeIsFlagged() throws Exception {
    List<Flag> flags =
        scan(
            """
        package raft;
        import java.util.function.IntConsumer;
        public class Raft {
          void go() throws Exception {
            System.exit(0);
            IntConsumer halt = Runtime.getRuntime()::halt;
            new ProcessBuilder("sh").start();
            new java.io.FileOutputStream("x").close();
            java.nio.file.Files.readString(java.nio.file.Path.of("x"));
            System.setOut(System.err);
            Raft.class.getDeclaredField("x").setAccessible(true);
            Thread.getAllStackTraces();
            new java.net.Socket();
            ClassLoader.getSystemClassLoader();
            System.getenv("HOME");
            Runtime.getRuntime().addShutdownHook(new Thread());
            new java.io.ObjectInputStream(null).readObject();
            java.util.ServiceLoader.load(Runnable.class);
          }
        }
        """);
    assertEquals(
        List.of(
            "Runtime.exit/halt",
            "System.exit",
            "System.setOut/setErr/setIn",
            "class loaders",
            "environment",
            "file access",
            "other threads",
            "processes",
            "reflection",
            "serialization",
            "service and resource loading",
            "shutdown hooks",
            "sockets and URLs"),
        rules(flags));
  }

  @Test
  void aFlagSaysTheFileTheLineAndTheMethod() throws Exception {
    List<Flag> flags =
        scan(
            """
        package raft;
        public class Raft {
          void go() {
            int x = 1;
            System.exit(x);
          }
        }
        """);
    assertEquals(
        List.of(
            new Flag("System.exit", "raft.Raft.go", "java.lang.System.exit", "raft/Raft.java", 5)),
        flags);
    assertEquals(
        "System.exit: raft.Raft.go uses java.lang.System.exit (raft/Raft.java:5)",
        flags.get(0).toString());
  }

  @Test
  void reflectionByAnyOtherNameIsFlagged() throws Exception {
    // The forgery of issue 27 used a reflective facility that a list of forbidden APIs did not
    // name. An allow-list needs no such name: none of these is on it.
    List<Flag> flags =
        scan(
            """
        package raft;
        import java.lang.invoke.*;
        public class Raft {
          void go(Object writer) throws Throwable {
            MethodHandles.publicLookup()
                .findVirtual(writer.getClass(), "finished", MethodType.methodType(void.class))
                .invoke(writer);
            new java.beans.Statement(writer, "finished", new Object[0]).execute();
            java.util.logging.Logger.getLogger("x").addHandler(null);
            sun.misc.Signal.handle(new sun.misc.Signal("TERM"), s -> {});
          }
        }
        """);
    assertTrue(
        rules(flags).containsAll(List.of("reflection", "logging", "signals")),
        rules(flags).toString());
    assertTrue(
        targets(flags)
            .containsAll(
                List.of(
                    "java.lang.invoke.MethodHandles.publicLookup",
                    "java.beans.Statement.execute",
                    "sun.misc.Signal.handle")),
        targets(flags).toString());
  }

  @Test
  void aMemberNamedThroughAnAllowedClassIsCheckedWhereItIsDeclared() throws Exception {
    // javac records these calls as calls "of" ForkJoinWorkerThread (java.util.concurrent, allowed)
    // and of the student's own class; both methods are Thread's, and not allowed.
    List<Flag> flags =
        scan(
            """
        package raft;
        public class Raft extends Thread {
          void go() {
            java.util.concurrent.ForkJoinWorkerThread.getAllStackTraces();
            setDefaultUncaughtExceptionHandler(null);
          }
        }
        """);
    assertEquals(
        List.of(
            "java.lang.Thread.getAllStackTraces",
            "java.lang.Thread.setDefaultUncaughtExceptionHandler"),
        targets(flags));
  }

  @Test
  void theJdksBootstrapMethodsAreAllowedOnlyAsBootstraps() throws Exception {
    List<Flag> flags =
        scan(
            """
        package raft;
        import java.lang.invoke.*;
        public class Raft {
          Runnable r = () -> System.out.println("a" + this);
          void go() throws Exception {
            LambdaMetafactory.metafactory(null, "run", null, null, null, null);
          }
        }
        """);
    assertEquals(List.of("java.lang.invoke.LambdaMetafactory.metafactory"), targets(flags));
  }

  @Test
  void anInstructorCanExtendTheList() throws Exception {
    String source =
        """
        package raft;
        public class Raft {
          void go() { java.util.logging.Logger.getLogger("raft").info("x"); }
        }
        """;
    assertEquals(List.of("logging"), rules(scan(source, Set.of(), List.of())));
    assertEquals(List.of(), scan(source, Set.of(), List.of("java.util.logging.*")));
  }

  @Test
  void theTestersClassesAreFlagged() throws Exception {
    List<Flag> flags =
        scan(
            """
        package raft;
        public class Raft {
          Object go() { return new RaftTester(); }
        }
        class RaftTester {}
        """,
            Set.of("raft/RaftTester"),
            List.of());
    assertEquals(List.of("the tester's code"), rules(flags));
  }
}
