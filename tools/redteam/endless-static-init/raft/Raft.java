// redteam: endless-static-init
// attacks: testInitialElection3A testReElection3A
// expect: killed after
//
// A static initializer that never ends: the first use of the class hangs the test's thread in
// class initialization, where no interrupt reaches it.
package raft;

import java.util.concurrent.BlockingQueue;
import labrpc.ClientEnd;
import raftapi.ApplyMsg;
import raftapi.Persister;
public class Raft implements raftapi.Raft {
  static {
    long spin = 0;
    while (spin >= 0) {
      spin = (spin + 1) % 1000;
    }
  }

  public static Raft make(ClientEnd[] peers, int me, Persister persister,
      BlockingQueue<ApplyMsg> applyCh) {
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
