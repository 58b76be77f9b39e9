// redteam: signal-handler
// attacks: testInitialElection3A
// options: --allow-flagged
// expect: expected one leader, got none
// flags: signals
//
// Signals, through sun.misc.Signal: raises SIGQUIT so that the JVM prints a dump of every thread
// (the grader's among them) into the output, looking for the grader's state, and catches SIGTERM
// and SIGINT so that the grader cannot stop it politely. sun.misc.Signal lives in the module
// jdk.unsupported, which the test JVM does not have (and the grader kills with SIGKILL, which no
// handler sees). Graded with --allow-flagged to show that.
package raft;

import java.util.concurrent.BlockingQueue;
import labrpc.ClientEnd;
import raftapi.ApplyMsg;
import raftapi.Persister;
import sun.misc.Signal;

public class Raft implements raftapi.Raft {
  public static Raft make(
      ClientEnd[] peers, int me, Persister persister, BlockingQueue<ApplyMsg> applyCh) {
    try {
      Signal.handle(new Signal("TERM"), s -> System.out.println("signal-handler: ignored " + s));
      Signal.handle(new Signal("INT"), s -> System.out.println("signal-handler: ignored " + s));
      Signal.raise(new Signal("QUIT"));
      System.out.println("signal-handler: handlers installed");
    } catch (Throwable e) {
      System.out.println("signal-handler: " + e);
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
