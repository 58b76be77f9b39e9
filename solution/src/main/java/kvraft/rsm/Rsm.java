package kvraft.rsm;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import debug.Debug;
import debug.Debug.Topic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import kvapi.StateMachine;
import kvapi.SubmitResult;
import labrpc.ClientEnd;
import raft.Raft;
import raftapi.ApplyMsg;
import raftapi.Persister;

/**
 * A replicated state machine on Raft (reference solution of Lab 4A and 4C).
 *
 * <p>{@link #submit} puts an {@link Op} in the log and waits for the reader thread, which takes
 * every committed entry off the apply channel and executes it with {@code sm.doOp}, to hand back
 * the result. Every replica's reader executes every Op; only the one that submitted it has someone
 * waiting. A submission fails with ErrWrongLeader when this server is not the leader, when another
 * Op lands at the index Raft promised (leadership was lost and the entry replaced), when the term
 * changes while waiting, or when the Rsm is killed.
 *
 * <p>Lab 4C: after each entry, if Raft's persisted state has grown to {@code maxraftstate} bytes,
 * the reader asks the state machine for a snapshot and hands it to Raft; on start, and when the
 * leader sends one, the state machine is restored from a snapshot.
 */
public class Rsm {
  private static final long POLL_MS = 50;

  private final ReentrantLock mu = new ReentrantLock();
  private final int me;
  private final Raft rf;
  private final BlockingQueue<ApplyMsg> applyCh = new SynchronousQueue<>();
  private final int maxraftstate; // snapshot when Raft's state grows this big; -1: never
  private final StateMachine sm;
  private final AtomicBoolean dead = new AtomicBoolean();

  /** Submissions waiting for their Op to be applied, by Op id. */
  @GuardedBy("mu")
  private final Map<Long, Waiter> waiters = new HashMap<>();

  /** The index of the last entry (or snapshot) applied to the state machine. */
  @GuardedBy("mu")
  private int lastApplied;

  /** One waiting submission: where Raft put its Op, and the result to come. */
  private static final class Waiter {
    int index; // 0 until start() has returned
    final CompletableFuture<SubmitResult> result = new CompletableFuture<>();
  }

  private Rsm(ClientEnd[] servers, int me, Persister persister, int maxraftstate, StateMachine sm) {
    this.me = me;
    this.maxraftstate = maxraftstate;
    this.sm = sm;
    byte[] snapshot = persister.readSnapshot();
    if (snapshot != null && snapshot.length > 0) {
      sm.restore(snapshot);
    }
    this.rf = Raft.make(servers, me, persister, applyCh);
  }

  /**
   * Makes the Rsm and its Raft peer, and starts the reader thread; returns at once. Restores the
   * state machine from the persister's snapshot, if there is one.
   */
  public static Rsm make(
      ClientEnd[] servers, int me, Persister persister, int maxraftstate, StateMachine sm) {
    Rsm rsm = new Rsm(servers, me, persister, maxraftstate, sm);
    Thread reader = new Thread(rsm::reader, "rsm-S" + me + "-reader");
    reader.setDaemon(true);
    reader.start();
    return rsm;
  }

  /** The Raft peer underneath, which the tester registers for RPCs and kills. */
  public raftapi.Raft raft() {
    return rf;
  }

  /**
   * Runs {@code req} through the log and returns OK with its result once it has been executed here,
   * or ErrWrongLeader. May block as long as this server believes it is the leader.
   */
  public SubmitResult submit(Object req) {
    if (dead.get()) {
      return SubmitResult.wrongLeader();
    }
    Op op = new Op(me, ThreadLocalRandom.current().nextLong(), req);
    Waiter w = new Waiter();
    mu.lock();
    try {
      waiters.put(op.id(), w);
    } finally {
      mu.unlock();
    }
    try {
      raftapi.Raft.StartResult started = rf.start(op);
      if (!started.isLeader()) {
        return SubmitResult.wrongLeader();
      }
      mu.lock();
      try {
        w.index = started.index();
        if (lastApplied >= started.index() && !w.result.isDone()) {
          // Something else was applied at our index before we could record it.
          w.result.complete(SubmitResult.wrongLeader());
        }
      } finally {
        mu.unlock();
      }
      Debug.log(Topic.CLNT, me, started.term(), "submit %s at index %d", req, started.index());
      return await(w, started.term());
    } finally {
      mu.lock();
      try {
        waiters.remove(op.id());
      } finally {
        mu.unlock();
      }
    }
  }

  /** Waits for the result, giving up when the term changes or this server stops leading. */
  private SubmitResult await(Waiter w, int term) {
    while (true) {
      try {
        return w.result.get(POLL_MS, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        raftapi.Raft.State st = rf.getState();
        if (dead.get() || !st.isLeader() || st.term() != term) {
          return SubmitResult.wrongLeader();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return SubmitResult.wrongLeader();
      } catch (ExecutionException e) {
        throw new IllegalStateException(e.getCause());
      }
    }
  }

  /**
   * Stops this Rsm and its Raft peer: every waiting {@link #submit} returns ErrWrongLeader at once,
   * and the reader thread exits. (Go's Rsm learns this from Raft closing the apply channel; a Java
   * BlockingQueue cannot be closed, so the server calls kill() instead.)
   */
  public void kill() {
    dead.set(true);
    rf.kill();
    List<Waiter> all;
    mu.lock();
    try {
      all = new ArrayList<>(waiters.values());
    } finally {
      mu.unlock();
    }
    for (Waiter w : all) {
      w.result.complete(SubmitResult.wrongLeader());
    }
  }

  // ---- the reader ------------------------------------------------------------------------------

  /** Applies what Raft sends, in order, until killed. */
  private void reader() {
    while (!dead.get()) {
      ApplyMsg msg;
      try {
        msg = applyCh.poll(100, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (msg == null || dead.get()) {
        continue;
      }
      if (msg.snapshotValid()) {
        applySnapshot(msg);
      } else if (msg.commandValid()) {
        applyCommand(msg);
      }
    }
  }

  private void applySnapshot(ApplyMsg msg) {
    mu.lock();
    try {
      if (msg.snapshotIndex() <= lastApplied) {
        return; // older than what we have
      }
      sm.restore(msg.snapshot());
      lastApplied = msg.snapshotIndex();
      failWaitersUpTo(lastApplied);
    } finally {
      mu.unlock();
    }
  }

  private void applyCommand(ApplyMsg msg) {
    int index = msg.commandIndex();
    mu.lock();
    try {
      if (index <= lastApplied) {
        return; // already in the state (from a snapshot)
      }
    } finally {
      mu.unlock();
    }
    // Only the reader calls the state machine, so doOp runs outside our lock: a slow doOp then
    // never holds up submit().
    Object result = null;
    Op op = msg.command() instanceof Op o ? o : null;
    if (op != null) {
      result = sm.doOp(op.req());
    }
    mu.lock();
    try {
      // Only this thread changes lastApplied, so nothing changed it while doOp ran.
      lastApplied = index;
      Waiter w = op == null || op.me() != me ? null : waiters.get(op.id());
      if (w != null) {
        w.result.complete(SubmitResult.ok(result));
      }
      failWaitersUpTo(index);
    } finally {
      mu.unlock();
    }
    maybeSnapshot(index);
  }

  /** Submissions whose index has been filled by some other Op lost their leadership. */
  @GuardedBy("mu")
  private void failWaitersUpTo(int index) {
    for (Waiter w : waiters.values()) {
      if (w.index != 0 && w.index <= index && !w.result.isDone()) {
        w.result.complete(SubmitResult.wrongLeader());
      }
    }
  }

  /** Lab 4C: snapshot once Raft's persisted state has reached maxraftstate bytes. */
  private void maybeSnapshot(int index) {
    if (maxraftstate > 0 && rf.persistBytes() >= maxraftstate) {
      Debug.log(
          Topic.SNAP,
          me,
          0,
          "snapshot at index %d (raft state %d bytes)",
          index,
          rf.persistBytes());
      rf.snapshot(index, sm.snapshot());
    }
  }
}
