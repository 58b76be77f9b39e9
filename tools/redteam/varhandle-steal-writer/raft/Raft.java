// redteam: varhandle-steal-writer
// attacks: testInitialElection3A
// options: --allow-flagged
// expect: expected one leader, got none
// flags: reflection
//
// Deep reflection by the newer door: MethodHandles.privateLookupIn and a VarHandle on the verdict
// channel's private static field that holds the writer (and so the key), to sign a pass with it.
// The channel is in a named module that does not open its package to the unnamed module where
// the tests run, so privateLookupIn fails. Graded with --allow-flagged to show that.
package raft;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
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
      Class<?> writerClass =
          Class.forName("grading.verdict.VerdictWriter", true, channel.getClassLoader());
      VarHandle h =
          MethodHandles.privateLookupIn(channel, MethodHandles.lookup())
              .findStaticVarHandle(channel, "writer", writerClass);
      Object writer = h.get();
      writerClass
          .getMethod("finished", String.class, boolean.class, long.class, String.class)
          .invoke(writer, "testInitialElection3A", true, 3100L, "");
      System.out.println("varhandle-steal-writer: signed a pass");
      Runtime.getRuntime().halt(0);
    } catch (Throwable e) {
      System.out.println("varhandle-steal-writer: " + e);
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
