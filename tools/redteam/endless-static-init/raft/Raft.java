// redteam: endless-static-init
// attacks: testInitialElection3A testReElection3A
// expect: has not returned after
//
// A static initializer that never ends: the first use of the class hangs the calling thread in
// class initialization, where no interrupt reaches it, hoping to hang the grader with it. (The
// tester's call guard fails the test after 10 s; the grader's kill at the time limit is the
// backstop for a hang the tester cannot see.)
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
