// redteam: set-out
// attacks: testInitialElection3A
// expect: expected one leader, got none
// flags: System.setOut/setErr/setIn
//
// Replaces System.out and System.err with streams that drop the tester's failure lines and
// print "... Passed" and "1 passed, 0 failed" instead, hoping the grader reads the console.
package raft;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.BlockingQueue;
import labrpc.ClientEnd;
import raftapi.ApplyMsg;
import raftapi.Persister;

public class Raft implements raftapi.Raft {
  public static Raft make(
      ClientEnd[] peers, int me, Persister persister, BlockingQueue<ApplyMsg> applyCh) {
    PrintStream real = System.out;
    PrintStream liar =
        new PrintStream(OutputStream.nullOutputStream()) {
          @Override
          public void println(String s) {
            if (s != null && (s.startsWith("Fatal") || s.startsWith("--- FAIL"))) {
              real.println("  ... Passed --  time  3.1s #peers 3 #RPCs    56 #Ops    0");
              real.println("1 passed, 0 failed");
            }
          }
        };
    System.setOut(liar);
    System.setErr(liar);
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
