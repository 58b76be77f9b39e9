// redteam: memory-bomb
// attacks: testInitialElection3A testReElection3A
// expect: ran out of memory
//
// Allocates memory until there is none, to take the grader (or the machine) down with it.
package raft;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import labrpc.ClientEnd;
import raftapi.ApplyMsg;
import raftapi.Persister;

public class Raft implements raftapi.Raft {
  private static final List<long[]> HOARD = new ArrayList<>();

  public static Raft make(
      ClientEnd[] peers, int me, Persister persister, BlockingQueue<ApplyMsg> applyCh) {
    while (true) {
      HOARD.add(new long[1 << 20]);
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
