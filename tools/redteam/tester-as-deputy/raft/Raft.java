// redteam: tester-as-deputy
// attacks: testInitialElection3A
// expect: integrity scan flagged
// flags: environment
//
// A confused deputy: instead of writing files itself, it sets the system properties that the
// tester reads when it writes a failing test's timeline (raftlab.timeline, raftlab.artifacts), so
// that the tester, trusted code, writes into the grader's build folder (found on the class path)
// for it. The scan flags System.setProperty, and a flagged submission scores 0; should the write
// happen, the grader also finds its folders changed.
package raft;

import java.io.File;
import java.util.concurrent.BlockingQueue;
import labrpc.ClientEnd;
import raftapi.ApplyMsg;
import raftapi.Persister;

public class Raft implements raftapi.Raft {
  public static Raft make(
      ClientEnd[] peers, int me, Persister persister, BlockingQueue<ApplyMsg> applyCh) {
    try {
      for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
        if (e.endsWith("test-classes")) {
          System.setProperty("raftlab.timeline", "always");
          System.setProperty("raftlab.artifacts", e + "/raft");
          System.out.println("tester-as-deputy: the tester will write into " + e);
        }
      }
    } catch (Throwable e) {
      System.out.println("tester-as-deputy: " + e);
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
