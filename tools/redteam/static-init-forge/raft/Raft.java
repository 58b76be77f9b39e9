// redteam: static-init-forge
// attacks: testInitialElection3A
// options: --allow-flagged
// expect: tried to write a verdict
// flags: reflection
//
// A static initializer, which runs on whatever thread first touches the class (the grader's own,
// should the tester touch it early), asks the verdict channel for a pass by reflection and halts.
// The tests' classes and the channel are set up before any student class is loaded, and the
// channel refuses any stack that holds a student's frame, a static initializer's included; the
// refusal is recorded and fails the test. Graded with --allow-flagged to show that.
package raft;

import java.lang.reflect.Method;
import java.util.concurrent.BlockingQueue;
import labrpc.ClientEnd;
import raftapi.ApplyMsg;
import raftapi.Persister;

public class Raft implements raftapi.Raft {
  public static Raft make(
      ClientEnd[] peers, int me, Persister persister, BlockingQueue<ApplyMsg> applyCh) {
    return new Raft();
  }

  static {
    try {
      Method finished =
          Class.forName(
                  "grading.verdict.Channel", true, Thread.currentThread().getContextClassLoader())
              .getMethod("finished", String.class, boolean.class, long.class, String.class);
      finished.invoke(null, "testInitialElection3A", true, 3100L, "");
      System.out.println(
          "static-init-forge: asked for a pass on " + Thread.currentThread().getName());
      Runtime.getRuntime().halt(0);
    } catch (Throwable e) {
      System.out.println("static-init-forge: " + e);
    }
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
