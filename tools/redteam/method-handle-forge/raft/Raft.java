// redteam: method-handle-forge
// attacks: testInitialElection3A
// options: --allow-flagged
// expect: tried to write a verdict
// flags: reflection
//
// Calls the verdict channel's public method directly, through a method handle found by name
// (java.lang.invoke, not java.lang.reflect): Channel.finished(test, passed = true, ...), then
// halts. The channel is exported, so the call goes through; but it writes a pass only for the
// grader's own thread with nothing but the JDK's, JUnit's and the grader's code on its stack, and
// records the attempt, which fails the test. Graded with --allow-flagged to show that.
package raft;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
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
      MethodHandle finished =
          MethodHandles.publicLookup()
              .findStatic(
                  channel,
                  "finished",
                  MethodType.methodType(
                      void.class, String.class, boolean.class, long.class, String.class));
      finished.invoke("testInitialElection3A", true, 3100L, "");
      System.out.println("method-handle-forge: asked for a pass");
      Runtime.getRuntime().halt(0);
    } catch (Throwable e) {
      System.out.println("method-handle-forge: " + e);
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
