package raft;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import labgob.LabDecoder;
import labgob.LabEncoder;
import labgob.LabGobException;
import labrpc.ClientEnd;
import raftapi.ApplyMsg;
import raftapi.IService;
import raftapi.Persister;
import raftapi.Raft.State;
import tester.Guard;
import tester.GuardedRaft;
import tester.TestFailure;

/**
 * One Raft peer under test together with the tester's view of what it applied: the Java port of
 * {@code rfsrv} in {@code raft1/server.go}.
 *
 * <p>It makes the peer with {@code Raft.make}, and reads the peer's apply channel on a thread of
 * its own (the applier), checking every message: indexes one after another, and the same command at
 * an index as every other peer applied there. With snapshots on (Lab 3D) it also plays the service:
 * every {@value #SNAPSHOT_INTERVAL} entries it encodes what it applied so far and hands it to
 * {@code snapshot}, and it takes in the snapshots the peer sends up.
 */
final class RfSrv implements IService {
  static final int SNAPSHOT_INTERVAL = 10;

  /** After kill, keep draining the apply channel this long, so a peer never blocks forever. */
  private static final long DRAIN_AFTER_KILL_MS = 1000;

  private final RaftTester ts;
  final int me;
  private final Persister persister;
  private raftapi.Raft raft;
  private Map<Integer, Object> logs = new HashMap<>();
  private volatile String applyErr = "";
  private int lastApplied;
  private volatile long killedAt;

  RfSrv(
      RaftTester ts,
      int me,
      ClientEnd[] ends,
      Persister persister,
      boolean snapshot,
      RaftTester.RaftFactory factory) {
    this.ts = ts;
    this.me = me;
    this.persister = persister;
    BlockingQueue<ApplyMsg> applyCh = new SynchronousQueue<>();
    this.raft =
        Guard.call(
            "Raft.make(server " + me + ")", () -> factory.make(ends, me, persister, applyCh));
    if (snapshot) {
      byte[] snap = persister.readSnapshot();
      if (snap != null && snap.length > 0) {
        // Mimic a key/value server, which reads its snapshot when it starts.
        String err = ingestSnap(snap, -1);
        if (!err.isEmpty()) {
          throw ts.fatalf("%s", err);
        }
      }
    }
    Thread t = new Thread(() -> applier(applyCh, snapshot), "tester-applier-" + me);
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void kill() {
    synchronized (this) {
      raft = null; // the tester calls kill() on the Raft itself
      killedAt = System.nanoTime();
    }
    // Mimic a key/value server that saves its state once more as it goes down.
    byte[] state = persister.readRaftState();
    byte[] snap = persister.readSnapshot();
    persister.save(state, snap);
  }

  /** The peer, guarded (its calls must return quickly), or null if it is shut down. */
  synchronized raftapi.Raft raft() {
    return raft == null ? null : new GuardedRaft(raft, me);
  }

  /** The peer itself, for registering its RPC handlers. */
  synchronized raftapi.Raft rawRaft() {
    return raft;
  }

  synchronized Object log(int index) {
    return logs.get(index);
  }

  synchronized boolean hasLog(int index) {
    return logs.containsKey(index);
  }

  String applyErr() {
    return applyErr;
  }

  /** The peer's term and leadership, or (0, false) if it is shut down. */
  State getState() {
    raftapi.Raft rf = rawRaft();
    if (rf == null) {
      return new State(0, false);
    }
    State st = Guard.call("Raft.getState() on server " + me, rf::getState);
    ts.electionSafety().observe(me, st.term(), st.isLeader());
    return st;
  }

  private void applier(BlockingQueue<ApplyMsg> applyCh, boolean snapshot) {
    long lastMessage = System.nanoTime();
    while (true) {
      ApplyMsg m;
      try {
        m = applyCh.poll(100, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      long now = System.nanoTime();
      if (m == null) {
        long k = killedAt;
        if (k != 0 && now - Math.max(k, lastMessage) > DRAIN_AFTER_KILL_MS * 1_000_000) {
          return;
        }
        continue;
      }
      lastMessage = now;
      String err;
      try {
        err = snapshot ? checkSnapMsg(m) : checkMsg(m);
      } catch (TestFailure tf) {
        // The peer's snapshot() hung or threw (see Guard): fail the test with that report.
        ts.fail(tf.getMessage(), tf.details());
        continue;
      }
      if (!err.isEmpty()) {
        applyErr = err;
        // Go's tester exits the process here; we fail this test and keep reading, so that the
        // peer does not block holding its locks.
        ts.fail("apply error: " + err, "");
      }
    }
  }

  private String checkMsg(ApplyMsg m) {
    if (!m.commandValid()) {
      return ""; // ignore other kinds of ApplyMsg
    }
    RaftTester.CheckResult r = ts.checkLogs(this, me, m);
    if (m.commandIndex() > 1 && !r.prevOk()) {
      return String.format("server %d apply out of order %d", me, m.commandIndex());
    }
    return r.error();
  }

  private String checkSnapMsg(ApplyMsg m) {
    if (m.snapshotValid()) {
      return ingestSnap(m.snapshot(), m.snapshotIndex());
    }
    if (!m.commandValid()) {
      return "";
    }
    String err = "";
    synchronized (this) {
      if (m.commandIndex() != lastApplied + 1) {
        err =
            String.format(
                "server %d apply out of order, expected index %d, got %d",
                me, lastApplied + 1, m.commandIndex());
      }
    }
    if (err.isEmpty()) {
      RaftTester.CheckResult r = ts.checkLogs(this, me, m);
      err = r.error();
      if (m.commandIndex() > 1 && !r.prevOk()) {
        err = String.format("server %d apply out of order %d", me, m.commandIndex());
      }
    }
    synchronized (this) {
      lastApplied = m.commandIndex();
    }
    if ((m.commandIndex() + 1) % SNAPSHOT_INTERVAL == 0) {
      LabEncoder e = new LabEncoder();
      e.encode(m.commandIndex());
      List<Object> xlog = new ArrayList<>();
      synchronized (this) {
        for (int j = 0; j <= m.commandIndex(); j++) {
          xlog.add(logs.get(j));
        }
      }
      e.encode(xlog);
      raftapi.Raft rf = rawRaft();
      if (rf != null) {
        byte[] snap = e.bytes();
        int index = m.commandIndex();
        Guard.run(
            "Raft.snapshot("
                + index
                + ", ...) on server "
                + me
                + " (called by the tester right after it received index "
                + index
                + " from the apply channel)",
            () -> rf.snapshot(index, snap));
        ts.events().add(me, "snapshot", "snapshot created after applying index " + index);
      }
    }
    return err;
  }

  /** Takes in a snapshot the tester made earlier; returns an error message or "". */
  String ingestSnap(byte[] snapshot, int index) {
    if (snapshot == null) {
      return "nil snapshot";
    }
    int lastIncludedIndex;
    List<?> xlog;
    try {
      LabDecoder d = new LabDecoder(snapshot);
      lastIncludedIndex = d.decodeInt();
      xlog = d.decode(List.class);
    } catch (LabGobException e) {
      return "snapshot decode error (" + e.getMessage() + ")";
    }
    if (index != -1 && index != lastIncludedIndex) {
      return String.format("server %d snapshot doesn't match m.SnapshotIndex", me);
    }
    synchronized (this) {
      logs = new HashMap<>();
      for (int j = 0; j < xlog.size(); j++) {
        logs.put(j, xlog.get(j));
      }
      lastApplied = lastIncludedIndex;
    }
    return "";
  }

  /** Records an applied command; used by RaftTester.checkLogs under its lock. */
  synchronized boolean record(int index, Object command) {
    boolean prevOk = logs.containsKey(index - 1);
    logs.put(index, command);
    return prevOk;
  }
}
