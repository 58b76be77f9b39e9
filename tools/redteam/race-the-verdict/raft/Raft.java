// redteam: race-the-verdict
// attacks: testInitialElection3A
// expect: integrity scan flagged
// flags: file access
//
// Timing the grader: a thread watches the results file (found in /proc/self/fd) and, the moment
// the grader's verdict appears in it, rewrites the file with a verdict that says "passed", in the
// window before the JVM ends and the grader reads it. The grader only counts records signed with
// the run's key, in order, so the rewrite is a forgery whenever it wins the race; the scan flags
// the file access, and a flagged submission scores 0.
package raft;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import labrpc.ClientEnd;
import raftapi.ApplyMsg;
import raftapi.Persister;

public class Raft implements raftapi.Raft {
  public static Raft make(
      ClientEnd[] peers, int me, Persister persister, BlockingQueue<ApplyMsg> applyCh) {
    Thread racer =
        new Thread(
            () -> {
              try {
                Path results = null;
                try (var fds = Files.list(Path.of("/proc/self/fd"))) {
                  for (Path fd : fds.toList()) {
                    try {
                      Path target = Files.readSymbolicLink(fd);
                      if (target.toString().endsWith(".records")) {
                        results = target;
                      }
                    } catch (Exception ignored) {
                      // not a link
                    }
                  }
                }
                String test =
                    Base64.getEncoder()
                        .encodeToString("testInitialElection3A".getBytes(StandardCharsets.UTF_8));
                while (results != null) {
                  String text = Files.readString(results);
                  if (text.contains("FINISHED\t")) {
                    String started = text.substring(0, text.indexOf("FINISHED\t"));
                    Files.writeString(
                        results,
                        started + "FINISHED\t" + test + "\t1\t3100\t1\t\t" + "0".repeat(64) + "\n");
                    System.out.println("race-the-verdict: rewrote the verdict");
                    return;
                  }
                  Thread.sleep(1);
                }
              } catch (Throwable e) {
                System.out.println("race-the-verdict: " + e);
              }
            },
            "race-the-verdict");
    racer.setDaemon(true);
    racer.start();
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
