// redteam: native-library
// attacks: testInitialElection3A
// expect: integrity scan flagged
// flags: native code
//
// Native code: System.load of a shared library, from which code outside the JVM's rules could read
// the key out of the JVM's memory or write the results file at will. Nothing in a JVM on JDK 17
// stops a library from loading (JDK 24 and later refuse it in the test JVM:
// --illegal-native-access=deny), so the scan is the defense: it flags System.load, and a flagged
// submission scores 0.
package raft;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import labrpc.ClientEnd;
import raftapi.ApplyMsg;
import raftapi.Persister;

public class Raft implements raftapi.Raft {
  public static Raft make(
      ClientEnd[] peers, int me, Persister persister, BlockingQueue<ApplyMsg> applyCh) {
    try {
      for (String lib :
          new String[] {
            "/lib/x86_64-linux-gnu/libc.so.6", "/usr/lib/libc.so.6", "/lib64/libc.so.6"
          }) {
        if (Files.exists(Path.of(lib))) {
          System.load(lib);
          System.out.println("native-library: loaded " + lib);
          break;
        }
      }
    } catch (Throwable e) {
      System.out.println("native-library: " + e);
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
