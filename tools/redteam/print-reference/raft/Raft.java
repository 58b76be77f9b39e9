// redteam: print-reference
// attacks: testInitialElection3A
// expect: expected one leader, got none
// flags: file access, processes
//
// Looks for the reference solution and prints it: at the path it has in the instructor's tree
// (relative to the working folder), in every folder above the working folder and above each
// classpath entry, and in the working folders and command lines of the JVM's parent processes.
package raft;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import labrpc.ClientEnd;
import raftapi.ApplyMsg;
import raftapi.Persister;

public class Raft implements raftapi.Raft {
  private static boolean done;

  public static synchronized Raft make(
      ClientEnd[] peers, int me, Persister persister, BlockingQueue<ApplyMsg> applyCh) {
    if (!done) {
      done = true;
      List<Path> places = new ArrayList<>();
      places.add(Path.of("").toAbsolutePath());
      for (String e : System.getProperty("java.class.path").split(":")) {
        places.add(Path.of(e).toAbsolutePath());
      }
      ProcessHandle h = ProcessHandle.current();
      while (h.parent().isPresent()) {
        h = h.parent().get();
        places.add(Path.of("/proc/" + h.pid() + "/cwd"));
        for (String arg : h.info().arguments().orElse(new String[0])) {
          for (String e : arg.split(":")) {
            if (e.startsWith("/")) {
              places.add(Path.of(e));
            }
          }
        }
      }
      for (Path p : places) {
        for (Path up = p; up != null; up = up.getParent()) {
          Path ref = up.resolve("solution/src/main/java/raft/Raft.java");
          try {
            if (Files.isReadable(ref)) {
              System.out.println("found the reference at " + ref);
              Files.readAllLines(ref).forEach(System.out::println);
              return new Raft();
            }
          } catch (Exception e) {
            // keep looking
          }
        }
      }
      System.out.println("print-reference: no reference found");
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
