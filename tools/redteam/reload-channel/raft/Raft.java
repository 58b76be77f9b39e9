// redteam: reload-channel
// attacks: testInitialElection3A
// options: --allow-flagged
// expect: tried to forge its result
// flags: class loaders, sockets and URLs, file access
//
// Class loading: a URLClassLoader of its own loads the grader's verdict classes afresh from the
// class path (a copy that no module guards), opens that copy's channel on the results file (found
// among the JVM's open files) and writes a pass with it, then halts. The copy has no key but one
// it makes up, so the grader finds a line it did not sign. Graded with --allow-flagged to show
// that.
package raft;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import labrpc.ClientEnd;
import raftapi.ApplyMsg;
import raftapi.Persister;

public class Raft implements raftapi.Raft {
  public static Raft make(
      ClientEnd[] peers, int me, Persister persister, BlockingQueue<ApplyMsg> applyCh) {
    try {
      List<URL> urls = new ArrayList<>();
      for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
        urls.add(Path.of(e).toUri().toURL());
      }
      ClassLoader mine = new URLClassLoader(urls.toArray(new URL[0]), null);
      Path results = null;
      try (var fds = Files.list(Path.of("/proc/self/fd"))) {
        for (Path fd : fds.toList()) {
          try {
            Path target = Files.readSymbolicLink(fd);
            if (target.toString().endsWith(".records")) {
              results = target;
            }
          } catch (Exception ignored) {
            // not a link
          }
        }
      }
      Class<?> keyClass = mine.loadClass("grading.verdict.RunKey");
      Object key = keyClass.getMethod("random").invoke(null);
      Class<?> channel = mine.loadClass("grading.verdict.Channel");
      channel
          .getMethod("open", Path.class, keyClass, List.class)
          .invoke(null, results, key, List.of());
      channel
          .getMethod("finished", String.class, boolean.class, long.class, String.class)
          .invoke(null, "testInitialElection3A", true, 3100L, "");
      System.out.println("reload-channel: wrote a pass with a copy of the channel");
      Runtime.getRuntime().halt(0);
    } catch (Throwable e) {
      System.out.println("reload-channel: " + e);
    }
    return new Raft();
  }

  @Override
  public StartResult start(Object command) {
    return new StartResult(-1, 0, false);
  }

  @Override
  public State getState() {
    return new State(0, false);
  }

  @Override
  public void snapshot(int index, byte[] snapshot) {}

  @Override
  public int persistBytes() {
    return 0;
  }

  @Override
  public void kill() {}
}
