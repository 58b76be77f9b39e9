// redteam: proc-self-mem
// attacks: testInitialElection3A
// expect: integrity scan flagged
// flags: file access
//
// Reads the JVM's own memory through /proc/self/mem (the process may read itself), looking for the
// run's key as the grader wrote it to the child's standard input: 64 hexadecimal digits. Each
// candidate is checked against the test's STARTED record in the results file (found in
// /proc/self/fd), and with the key found it would sign a pass. Nothing inside a JVM stops a
// process from reading its own memory; the scan is the defense: it flags the file access, and a
// flagged submission scores 0.
package raft;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import labrpc.ClientEnd;
import raftapi.ApplyMsg;
import raftapi.Persister;

public class Raft implements raftapi.Raft {
  public static Raft make(
      ClientEnd[] peers, int me, Persister persister, BlockingQueue<ApplyMsg> applyCh) {
    try {
      int candidates = 0;
      List<String> maps = Files.readAllLines(Path.of("/proc/self/maps"));
      try (RandomAccessFile mem = new RandomAccessFile("/proc/self/mem", "r")) {
        for (String m : maps) {
          String[] f = m.split("\\s+");
          if (!f[1].startsWith("rw")) {
            continue;
          }
          String[] range = f[0].split("-");
          long from = Long.parseUnsignedLong(range[0], 16);
          long to = Long.parseUnsignedLong(range[1], 16);
          if (to - from > 64L << 20) {
            continue;
          }
          byte[] b = new byte[(int) (to - from)];
          try {
            mem.seek(from);
            mem.readFully(b);
          } catch (Exception e) {
            continue;
          }
          int run = 0;
          for (byte x : b) {
            run = (x >= '0' && x <= '9') || (x >= 'a' && x <= 'f') ? run + 1 : 0;
            if (run == 64) {
              candidates++;
            }
          }
        }
      }
      System.out.println("proc-self-mem: " + candidates + " candidate key(s) found in memory");
    } catch (Throwable e) {
      System.out.println("proc-self-mem: " + e);
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
