// redteam: unsafe-read-key
// attacks: testInitialElection3A
// options: --allow-flagged
// expect: expected one leader, got none
// flags: Unsafe
//
// sun.misc.Unsafe, which reads any field of any object without asking a module: the verdict
// channel's static writer, and from it the key. Unsafe lives in the module jdk.unsupported, which
// the test JVM does not have (--limit-modules), so the class is not found. Graded with
// --allow-flagged to show that.
package raft;

import java.lang.reflect.Field;
import java.util.concurrent.BlockingQueue;
import labrpc.ClientEnd;
import raftapi.ApplyMsg;
import raftapi.Persister;

public class Raft implements raftapi.Raft {
  public static Raft make(
      ClientEnd[] peers, int me, Persister persister, BlockingQueue<ApplyMsg> applyCh) {
    try {
      Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
      f.setAccessible(true);
      sun.misc.Unsafe unsafe = (sun.misc.Unsafe) f.get(null);
      Class<?> channel =
          Class.forName(
              "grading.verdict.Channel", true, Thread.currentThread().getContextClassLoader());
      Field w = channel.getDeclaredField("writer");
      Object writer = unsafe.getObject(unsafe.staticFieldBase(w), unsafe.staticFieldOffset(w));
      writer
          .getClass()
          .getMethod("finished", String.class, boolean.class, long.class, String.class)
          .invoke(writer, "testInitialElection3A", true, 3100L, "");
      System.out.println("unsafe-read-key: signed a pass");
      Runtime.getRuntime().halt(0);
    } catch (Throwable e) {
      System.out.println("unsafe-read-key: " + e);
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
