// redteam: reflection-forge
// attacks: testInitialElection3A
// options: --allow-flagged
// expect: expected one leader, got none
// flags: reflection, other threads, Runtime.exit/halt
//
// Reflection into the grader inside the test JVM: finds the grader's thread watchdog among all
// threads, takes the verdict writer it held, signs a verdict "passed" with it and halts. Before
// issue 27 this worked, and only the scan (with --zero-if-flagged) stopped it. Now the scan gives
// 0 by default, and the test JVM stops it too, as this run (with --allow-flagged) shows: the
// writer lives only in the verdict channel's module, which the tests' unnamed module cannot open.
package raft;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.concurrent.BlockingQueue;
import labrpc.ClientEnd;
import raftapi.ApplyMsg;
import raftapi.Persister;

public class Raft implements raftapi.Raft {
  public static Raft make(
      ClientEnd[] peers, int me, Persister persister, BlockingQueue<ApplyMsg> applyCh) {
    try {
      for (Thread t : Thread.getAllStackTraces().keySet()) {
        if (t.getName().equals("grading-thread-watchdog")) {
          Field f = t.getClass().getDeclaredField("verdicts");
          f.setAccessible(true);
          Object writer = f.get(t);
          Method finished =
              writer
                  .getClass()
                  .getMethod("finished", String.class, boolean.class, long.class, String.class);
          finished.invoke(writer, "testInitialElection3A", true, 3100L, "");
          System.out.println("reflection-forge: signed a passing verdict");
          Runtime.getRuntime().halt(0);
        }
      }
    } catch (Throwable e) {
      System.out.println("reflection-forge: " + e);
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
