// redteam: shutdown-hook-forge
// attacks: testInitialElection3A
// options: --allow-flagged
// expect: tried to write a verdict
// flags: shutdown hooks, reflection, System.exit
//
// A shutdown hook that asks the verdict channel for a pass while the JVM ends (after System.exit,
// when the grader's own hook records the exit), hoping the grader reads the last verdict. The hook
// runs on a thread of its own, not the grader's, so the channel refuses, and records that it was
// asked, which fails the test. Graded with --allow-flagged to show that.
package raft;

import java.lang.reflect.Method;
import java.util.concurrent.BlockingQueue;
import labrpc.ClientEnd;
import raftapi.ApplyMsg;
import raftapi.Persister;

public class Raft implements raftapi.Raft {
  public static Raft make(
      ClientEnd[] peers, int me, Persister persister, BlockingQueue<ApplyMsg> applyCh) {
    try {
      Class<?> channel =
          Class.forName(
              "grading.verdict.Channel", true, Thread.currentThread().getContextClassLoader());
      Method finished =
          channel.getMethod("finished", String.class, boolean.class, long.class, String.class);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      finished.invoke(null, "testInitialElection3A", true, 3100L, "");
                    } catch (Throwable e) {
                      System.out.println("shutdown-hook-forge: " + e);
                    }
                  }));
      System.exit(0);
    } catch (Throwable e) {
      System.out.println("shutdown-hook-forge: " + e);
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
