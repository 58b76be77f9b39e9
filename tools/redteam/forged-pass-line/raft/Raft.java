// redteam: forged-pass-line
// attacks: testInitialElection3A
// expect: called System.exit(0)
// flags: System.exit
//
// The cheat of issue 17: prints what a passing run prints ("... Passed", the points table and
// "1 passed, 0 failed") and exits with status 0 before the test can fail. A grader that matched
// printed lines gave it full marks.
package raft;

import java.util.concurrent.BlockingQueue;
import labrpc.ClientEnd;
import raftapi.ApplyMsg;
import raftapi.Persister;

public class Raft implements raftapi.Raft {
  public static Raft make(
      ClientEnd[] peers, int me, Persister persister, BlockingQueue<ApplyMsg> applyCh) {
    System.out.println("  ... Passed --  time  3.1s #peers 3 #RPCs    56 #Ops    0");
    System.out.println();
    System.out.println("test                      part  result     time  points");
    System.out.println("testInitialElection3A     3A    ok         3.1s     5/5");
    System.out.println();
    System.out.println("1 passed, 0 failed");
    System.out.flush();
    System.exit(0);
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
