// redteam: output-flood
// attacks: testInitialElection3A testReElection3A
// expect: the limit per test
//
// Prints without end, to fill the grader's disk and results.json (and to bury the failure).
package raft;

import java.util.concurrent.BlockingQueue;
import labrpc.ClientEnd;
import raftapi.ApplyMsg;
import raftapi.Persister;

public class Raft implements raftapi.Raft {
  public static Raft make(
      ClientEnd[] peers, int me, Persister persister, BlockingQueue<ApplyMsg> applyCh) {
    String line = "1 passed, 0 failed ".repeat(50);
    while (true) {
      System.out.println(line);
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
