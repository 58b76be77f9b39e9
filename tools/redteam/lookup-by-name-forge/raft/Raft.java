// redteam: lookup-by-name-forge
// attacks: testInitialElection3A
// options: --allow-flagged
// expect: expected one leader, got none
// flags: reflection
//
// The forgery of issue 27: reaches the verdict channel through java.beans, a reflective facility
// that calls methods by name and that no list of forbidden APIs named (no java.lang.reflect,
// MethodHandles, Class.forName or Thread.getAllStackTraces in its bytecode). It finds the channel
// class through the class loader of the test thread's stack, asks it for a passing verdict and
// halts. Graded with --allow-flagged, to show that the test JVM stops it too: java.beans (in
// java.desktop) is not in the child at all.
package raft;

import java.beans.Expression;
import java.beans.Statement;
import java.util.concurrent.BlockingQueue;
import labrpc.ClientEnd;
import raftapi.ApplyMsg;
import raftapi.Persister;

public class Raft implements raftapi.Raft {
  public static Raft make(
      ClientEnd[] peers, int me, Persister persister, BlockingQueue<ApplyMsg> applyCh) {
    try {
      Object loader =
          new Expression(Thread.currentThread(), "getContextClassLoader", null).getValue();
      Object channel =
          new Expression(loader, "loadClass", new Object[] {"grading.verdict.Channel"}).getValue();
      new Statement(
              channel, "finished", new Object[] {"testInitialElection3A", Boolean.TRUE, 3100L, ""})
          .execute();
      System.out.println("lookup-by-name-forge: asked for a pass");
      new Statement(Runtime.getRuntime(), "halt", new Object[] {0}).execute();
    } catch (Throwable e) {
      System.out.println("lookup-by-name-forge: " + e);
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
