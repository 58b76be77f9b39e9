// redteam: serialization-forge
// attacks: testInitialElection3A
// options: --allow-flagged
// expect: expected one leader, got none
// flags: serialization
//
// Serialization, which builds objects without their constructors and sets their private fields:
// writes by hand the stream of a grader's verdict record that says "passed" and reads it back,
// hoping for an object the grader would trust. No class of the grader is serializable, so the
// stream is refused; the scan flags the object streams either way. Graded with --allow-flagged.
package raft;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectStreamConstants;
import java.util.concurrent.BlockingQueue;
import labrpc.ClientEnd;
import raftapi.ApplyMsg;
import raftapi.Persister;

public class Raft implements raftapi.Raft {
  public static Raft make(
      ClientEnd[] peers, int me, Persister persister, BlockingQueue<ApplyMsg> applyCh) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeShort(ObjectStreamConstants.STREAM_MAGIC);
      out.writeShort(ObjectStreamConstants.STREAM_VERSION);
      out.writeByte(ObjectStreamConstants.TC_OBJECT);
      out.writeByte(ObjectStreamConstants.TC_CLASSDESC);
      out.writeUTF("grading.verdict.VerdictRecord");
      out.writeLong(0L);
      out.writeByte(ObjectStreamConstants.SC_SERIALIZABLE);
      out.writeShort(0);
      out.writeByte(ObjectStreamConstants.TC_ENDBLOCKDATA);
      out.writeByte(ObjectStreamConstants.TC_NULL);
      out.flush();
      Object forged =
          new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())).readObject();
      System.out.println("serialization-forge: made " + forged);
    } catch (Throwable e) {
      System.out.println("serialization-forge: " + e);
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
