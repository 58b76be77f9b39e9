// redteam: shadow-tester
// attacks: testInitialElection3A
// expect: expected one leader, got none
// flags: the tester's code
//
// Ships a class with the name of one of the tester's (raft.RaftTester), hoping the JVM loads it
// instead of the tester's own: this one's checks pass whatever the peers do. (It does not
// compile against the tests unless it has the tester's API; this one only needs to be loaded.)
package raft;

import java.util.concurrent.BlockingQueue;
import labrpc.ClientEnd;
import raftapi.ApplyMsg;
import raftapi.Persister;

public class Raft implements raftapi.Raft {
  public static Raft make(
      ClientEnd[] peers, int me, Persister persister, BlockingQueue<ApplyMsg> applyCh) {
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
