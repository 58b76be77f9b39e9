// redteam: halt-zero
// attacks: testInitialElection3A
// expect: Runtime.halt or a crash
// flags: Runtime.exit/halt
//
// Prints a passing run's lines and ends the JVM with Runtime.halt(0), which skips the shutdown
// hooks (so the grader cannot be told "System.exit" from inside): status 0, no verdict.
package raft;

import java.util.concurrent.BlockingQueue;
import labrpc.ClientEnd;
import raftapi.ApplyMsg;
import raftapi.Persister;

public class Raft implements raftapi.Raft {
  public static Raft make(
      ClientEnd[] peers, int me, Persister persister, BlockingQueue<ApplyMsg> applyCh) {
    System.out.println("  ... Passed --  time  3.1s #peers 3 #RPCs    56 #Ops    0");
    System.out.println("1 passed, 0 failed");
    System.out.flush();
    Runtime.getRuntime().halt(0);
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
