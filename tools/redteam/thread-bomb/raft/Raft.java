// redteam: thread-bomb
// attacks: testInitialElection3A testReElection3A
// expect: threads at once
//
// Starts threads without end, each sleeping forever, to exhaust the machine's threads.
package raft;

import java.util.concurrent.BlockingQueue;
import labrpc.ClientEnd;
import raftapi.ApplyMsg;
import raftapi.Persister;

public class Raft implements raftapi.Raft {
  public static Raft make(
      ClientEnd[] peers, int me, Persister persister, BlockingQueue<ApplyMsg> applyCh) {
    while (true) {
      Thread t =
          new Thread(
              () -> {
                try {
                  Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                  // gone
                }
              });
      t.setDaemon(true);
      t.start();
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
