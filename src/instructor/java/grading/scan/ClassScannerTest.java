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

/** The scan flags what a Raft never needs, in compiled code, and nothing in ordinary code. */
class ClassScannerTest {
  @TempDir Path dir;

  private List<Flag> scan(String source, Set<String> tester) throws Exception {
    Path src = Files.createDirectories(dir.resolve("src/raft")).resolve("Raft.java");
    Files.writeString(src, source, StandardCharsets.UTF_8);
    Path classes = Files.createDirectories(dir.resolve("classes"));
    int status =
        ToolProvider.getSystemJavaCompiler()
            .run(null, null, null, "-d", classes.toString(), src.toString());
    assertEquals(0, status, "the sample does not compile");
    return new ClassScanner(tester).scan(classes, List.of("raft"));
  }

  private static List<String> rules(List<Flag> flags) {
    return flags.stream().map(Flag::rule).distinct().sorted().toList();
  }

  @Test
  void ordinaryConcurrentCodeIsNotFlagged() throws Exception {
    List<Flag> flags =
        scan(
            """
        package raft;
        import java.util.*;
        import java.util.concurrent.locks.ReentrantLock;
        public class Raft {
          private final ReentrantLock mu = new ReentrantLock();
          private final List<Integer> log = new ArrayList<>();
          void go() {
            new Thread(() -> { mu.lock(); try { log.add(1); } finally { mu.unlock(); } },
                "raft-ticker").start();
            System.out.println("term " + log.size());
          }
        }
        """,
            Set.of());
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
            Object u = sun.misc.Unsafe.class;
            tester.Config.current();
          }
        }
        """
                .replace("tester.Config.current();", ""),
            Set.of("tester/Config"));
    assertEquals(
        List.of(
            "Runtime.exit/halt",
            "System.exit",
            "System.setOut/setErr/setIn",
            "Unsafe",
            "class loaders",
            "file access",
            "other threads",
            "processes",
            "reflection",
            "sockets and URLs"),
        rules(flags));
    assertTrue(flags.contains(new Flag("System.exit", "raft.Raft.go", "java.lang.System.exit")));
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
            Set.of("raft/RaftTester"));
    assertEquals(List.of("the tester's code"), rules(flags));
  }
}
