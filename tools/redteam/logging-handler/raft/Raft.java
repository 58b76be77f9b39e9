// redteam: logging-handler
// attacks: testInitialElection3A
// expect: integrity scan flagged
// flags: logging
//
// java.util.logging, which JUnit logs through: a handler on the root logger, so that JUnit's own
// logging runs the student's code on the grader's thread, where it asks the verdict channel for a
// pass by name. The channel refuses any stack with the student's code on it (the handler's frame
// is there); the scan flags the logging API, and a flagged submission scores 0.
package raft;

import java.util.concurrent.BlockingQueue;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import labrpc.ClientEnd;
import raftapi.ApplyMsg;
import raftapi.Persister;

public class Raft implements raftapi.Raft {
  public static Raft make(
      ClientEnd[] peers, int me, Persister persister, BlockingQueue<ApplyMsg> applyCh) {
    try {
      Logger.getLogger("")
          .addHandler(
              new Handler() {
                @Override
                public void publish(LogRecord record) {
                  try {
                    Class.forName(
                            "grading.verdict.Channel",
                            true,
                            Thread.currentThread().getContextClassLoader())
                        .getMethod(
                            "finished", String.class, boolean.class, long.class, String.class)
                        .invoke(null, "testInitialElection3A", true, 3100L, "");
                  } catch (Throwable e) {
                    System.out.println("logging-handler: " + e);
                  }
                }

                @Override
                public void flush() {}

                @Override
                public void close() {}
              });
      Logger.getLogger("org.junit").severe("logging-handler: a log record on this thread");
    } catch (Throwable e) {
      System.out.println("logging-handler: " + e);
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
