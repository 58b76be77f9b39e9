package kvraft.rsm;

import kvapi.StateMachine;
import labgob.LabDecoder;
import labgob.LabEncoder;
import labgob.LabGobException;
import labrpc.ClientEnd;
import raftapi.IService;
import raftapi.Persister;
import tester.Guard;

/**
 * One server of the rsm tests, the Java port of {@code kvraft1/rsm/server.go}: a replicated counter
 * on the student's Rsm. It executes {@link Inc} and {@link Null}; any other request (the {@link
 * Dec}s submitted to a leader cut off in a minority) must never be executed.
 */
final class RsmSrv implements StateMachine, IService {
  /** Increment the counter; the result is an {@link IncRep} with the new value. */
  record Inc() {}

  record IncRep(int n) {}

  /** Do nothing; the result is a {@link NullRep}. */
  record Null() {}

  record NullRep() {}

  /** Must never be executed: the tests submit it only where it cannot commit. */
  record Dec() {}

  private final RsmTester ts;
  private final int me;
  private Rsm rsm;
  private int counter;

  RsmSrv(RsmTester ts, int srv, ClientEnd[] ends, Persister persister) {
    this.ts = ts;
    this.me = srv;
    Rsm made =
        Guard.call(
            "Rsm.make(server " + srv + ")",
            () -> Rsm.make(ends, srv, persister, ts.maxraftstate, this));
    synchronized (this) {
      this.rsm = made;
    }
  }

  @Override
  public Object doOp(Object req) {
    if (req instanceof Inc) {
      synchronized (this) {
        counter += 1;
        return new IncRep(counter);
      }
    }
    if (req instanceof Null) {
      return new NullRep();
    }
    // Wrong type! Expecting an Inc or a Null.
    ts.fail(
        String.format(
            "DoOp should execute only Inc and not %s",
            req == null ? "null" : req.getClass().getSimpleName()),
        "");
    return null;
  }

  @Override
  public byte[] snapshot() {
    LabEncoder e = new LabEncoder();
    synchronized (this) {
      e.encode(counter);
    }
    return e.bytes();
  }

  @Override
  public void restore(byte[] data) {
    try {
      int c = new LabDecoder(data).decodeInt();
      synchronized (this) {
        counter = c;
      }
    } catch (LabGobException e) {
      ts.fail(String.format("%d couldn't decode counter (%s)", me, e.getMessage()), "");
    }
  }

  /** Shuts the server down: kills the Rsm (which kills Raft). */
  @Override
  public void kill() {
    Rsm r;
    synchronized (this) {
      r = rsm;
      rsm = null;
    }
    if (r != null) {
      r.kill();
    }
  }

  /** The student's Rsm, or null once the server is shut down. */
  synchronized Rsm rsm() {
    return rsm;
  }

  synchronized int counter() {
    return counter;
  }

  synchronized raftapi.Raft raft() {
    return rsm == null ? null : rsm.raft();
  }
}
