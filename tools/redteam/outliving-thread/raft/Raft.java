// redteam: outliving-thread
// attacks: testInitialElection3A
// expect: expected one leader, got none
// flags: shutdown hooks
//
// A thread that outlives its test: it keeps the JVM alive after the verdict (a shutdown hook
// that never returns), and prints a passing run's lines once the test has failed, hoping the
// grader waits for it and reads the last lines.
package raft;

import java.util.concurrent.BlockingQueue;
import labrpc.ClientEnd;
import raftapi.ApplyMsg;
import raftapi.Persister;

public class Raft implements raftapi.Raft {
  private static boolean started;

  public static synchronized Raft make(
      ClientEnd[] peers, int me, Persister persister, BlockingQueue<ApplyMsg> applyCh) {
    if (!started) {
      started = true;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    System.out.println(
                        "  ... Passed --  time  3.1s #peers 3 #RPCs    56 #Ops    0");
                    System.out.println("1 passed, 0 failed");
                    while (true) {
                      try {
                        Thread.sleep(1000);
                      } catch (InterruptedException e) {
                        // never end
                      }
                    }
                  }));
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
