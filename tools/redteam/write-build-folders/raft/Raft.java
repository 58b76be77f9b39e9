// redteam: write-build-folders
// attacks: testInitialElection3A testReElection3A
// expect: changed the grader's files
// flags: file access
//
// Writes into the grader's build folders, found on the classpath: replaces the compiled test
// class with garbage, so that the tests after this one would run something else (a real attack
// would write a test that always passes).
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
    for (String entry : System.getProperty("java.class.path").split(":")) {
      try {
        Path test = Path.of(entry, "raft", "RaftTest3A.class");
        if (Files.exists(test)) {
          Files.write(test, new byte[] {(byte) 0xCA, (byte) 0xFE});
        }
        Files.writeString(Path.of(entry, "planted.txt"), "written by the code under test");
      } catch (Exception e) {
        // keep going
      }
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
