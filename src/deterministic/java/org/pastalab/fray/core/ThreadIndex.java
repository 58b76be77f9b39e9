package org.pastalab.fray.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.pastalab.fray.core.concurrency.operations.BlockedOperation;
import org.pastalab.fray.core.concurrency.operations.Operation;
import org.pastalab.fray.rmi.ThreadState;

/**
 * raftlab's index of the threads that Fray's scheduling step has to look at: those that can run,
 * and those in a timed wait, by deadline. Not a class of Fray's: it sits in Fray's package because
 * Fray instruments every class but its own, and code on this path runs at every scheduled step.
 *
 * <p>Why: at every step Fray 0.9.2 ({@code RunContext.getEnabledOperations}) walks every thread
 * that has not ended four times: twice for timed waits that are over ({@code
 * unblockTimedBlocking}), twice for the threads that can run. A Lab 3 test whose peers send an RPC
 * per thread keeps a thousand or more threads waiting on the network (up to 7 s for a cut-off
 * peer), so those walks were a third of {@code testReliableChurn3C}'s CPU and most of {@code
 * testFigure8Unreliable3C}'s. Each walk needs only a few of them: every thread that can run, every
 * thread whose timed wait is over, and the next deadline.
 *
 * <p>How: {@code deterministic.IndexedWalks} rewrites Fray's {@code ThreadContext.setState} and
 * {@code setPendingOperation} to tell this index first ({@link #stateChanging}, {@link
 * #operationChanging}), and makes those two methods of {@code RunContext} walk {@link #candidates}
 * instead of the whole table. The candidates are, in the order of thread ids (the order Fray walked
 * before: {@code deterministic.ThreadRegistry}): the threads that can run, the threads whose timed
 * wait is over, and the one whose deadline comes next. Fray's walks then find what they found
 * before, in the same order, so a seed gives the same run as without the index.
 *
 * <p>{@code -Ddeterministic.checkIndex=true} checks the index against a walk of the whole table at
 * every step, and ends the JVM (exit status 3) at the first difference, with what differs.
 */
public final class ThreadIndex {
  private static final boolean CHECK = Boolean.getBoolean("deterministic.checkIndex");

  /** The index of the run in progress; null before the first. */
  private static ThreadIndex active;

  private final RunContext context;
  private final Map<Long, ThreadContext> table;

  /**
   * The run's registered threads, each in the slot it was given when it joined: a thread of an
   * earlier run is none of this index's. Slots, not thread ids, index the bit set, because ids keep
   * growing from run to run in one JVM.
   */
  private final Map<Long, Integer> slotOf = new HashMap<>();

  private ThreadContext[] inSlot = new ThreadContext[256];
  private int slotsUsed;

  /** The slots of the threads whose state is Runnable. */
  private final BitSet runnable = new BitSet();

  /** The threads in a timed wait, by deadline, then id. */
  private final TreeMap<Deadline, ThreadContext> timed = new TreeMap<>();

  /** Where each thread in {@link #timed} is filed, by id. */
  private final Map<Long, Deadline> deadlineOf = new HashMap<>();

  private static final Comparator<ThreadContext> BY_ID =
      Comparator.comparingLong(t -> t.getThread().getId());

  /** A deadline in Fray's virtual milliseconds, and the waiting thread's id. */
  private record Deadline(long until, long id) implements Comparable<Deadline> {
    @Override
    public int compareTo(Deadline o) {
      int c = Long.compare(until, o.until);
      return c != 0 ? c : Long.compare(id, o.id);
    }
  }

  private ThreadIndex(RunContext context, Map<Long, ThreadContext> table) {
    this.context = context;
    this.table = table;
  }

  /**
   * Starts the index of a new run, whose table of threads is {@code table}, and makes it the one
   * the rewritten methods use. Then {@link #add} each thread already in the table.
   */
  public static synchronized ThreadIndex start(RunContext context, Map<Long, ThreadContext> table) {
    active = new ThreadIndex(context, table);
    return active;
  }

  /** A thread joins the run's table, in whatever state it is now. */
  public synchronized void add(ThreadContext thread) {
    long id = thread.getThread().getId();
    forget(id);
    if (slotsUsed == inSlot.length) {
      inSlot = Arrays.copyOf(inSlot, 2 * inSlot.length);
    }
    int slot = slotsUsed++;
    inSlot[slot] = thread;
    slotOf.put(id, slot);
    if (thread.getState() == ThreadState.Runnable) {
      runnable.set(slot);
    }
    fileDeadline(id, thread, thread.getPendingOperation());
  }

  /** A thread leaves the run's table. */
  public synchronized void remove(long id) {
    forget(id);
  }

  /** Every thread leaves the run's table. */
  public synchronized void clear() {
    slotOf.clear();
    Arrays.fill(inSlot, 0, slotsUsed, null);
    slotsUsed = 0;
    runnable.clear();
    timed.clear();
    deadlineOf.clear();
  }

  /** Called by {@code ThreadContext.setState} before it sets {@code next}. */
  public static void stateChanging(ThreadContext thread, ThreadState next) {
    ThreadIndex index = active;
    if (index != null) {
      index.onState(thread, next);
    }
  }

  /** Called by {@code ThreadContext.setPendingOperation} before it sets {@code next}. */
  public static void operationChanging(ThreadContext thread, Operation next) {
    ThreadIndex index = active;
    if (index != null) {
      index.onOperation(thread, next);
    }
  }

  /**
   * What Fray's scheduling step walks instead of {@code table.values()}: the threads that can run,
   * those whose timed wait is over and the next to time out, in the order of thread ids. The whole
   * table if it is not the active run's.
   */
  public static Collection<ThreadContext> candidates(ConcurrentHashMap<Long, ThreadContext> table) {
    ThreadIndex index = active;
    if (index == null || index.table != table) {
      return table.values();
    }
    return index.candidates();
  }

  private synchronized Collection<ThreadContext> candidates() {
    // Fray read its clock just before it walks, and that read moved the clock on: now is at least
    // the time Fray compares deadlines with. So every deadline Fray finds over is in here, and so
    // is the earliest one it does not.
    long now = context.getTimeController().currentTimeMillisRawNoIncrement();
    List<ThreadContext> chosen = new ArrayList<>(runnable.cardinality() + 4);
    for (int slot = runnable.nextSetBit(0); slot >= 0; slot = runnable.nextSetBit(slot + 1)) {
      chosen.add(inSlot[slot]);
    }
    for (Map.Entry<Deadline, ThreadContext> e : timed.entrySet()) {
      if (!runnable.get(slotOf.get(e.getKey().id()))) {
        chosen.add(e.getValue());
      }
      if (e.getKey().until() > now) {
        break;
      }
    }
    chosen.sort(BY_ID); // slots follow the order threads started in, ids the order they were made
    if (CHECK) {
      check();
    }
    return chosen;
  }

  private synchronized void onState(ThreadContext thread, ThreadState next) {
    Integer slot = slotOf.get(thread.getThread().getId());
    if (slot == null || inSlot[slot] != thread) {
      return;
    }
    runnable.set(slot, next == ThreadState.Runnable);
  }

  private synchronized void onOperation(ThreadContext thread, Operation next) {
    long id = thread.getThread().getId();
    Integer slot = slotOf.get(id);
    if (slot == null || inSlot[slot] != thread) {
      return;
    }
    Deadline old = deadlineOf.remove(id);
    if (old != null) {
      timed.remove(old);
    }
    fileDeadline(id, thread, next);
  }

  private void fileDeadline(long id, ThreadContext thread, Operation operation) {
    if (operation instanceof BlockedOperation blocked && blocked.isTimed()) {
      Deadline d = new Deadline(blocked.getBlockedUntil(), id);
      deadlineOf.put(id, d);
      timed.put(d, thread);
    }
  }

  private void forget(long id) {
    Integer slot = slotOf.remove(id);
    if (slot != null) {
      inSlot[slot] = null;
      runnable.clear(slot);
    }
    Deadline d = deadlineOf.remove(id);
    if (d != null) {
      timed.remove(d);
    }
  }

  /** The index against a walk of the whole table; throws at the first difference. */
  private void check() {
    Set<Long> runnableSeen = new HashSet<>();
    Map<Long, Long> timedSeen = new HashMap<>();
    for (ThreadContext t : table.values()) {
      long id = t.getThread().getId();
      if (t.getState() == ThreadState.Runnable) {
        runnableSeen.add(id);
      }
      if (t.getPendingOperation() instanceof BlockedOperation b && b.isTimed()) {
        timedSeen.put(id, b.getBlockedUntil());
      }
    }
    Map<Long, Long> timedIndexed = new HashMap<>();
    deadlineOf.forEach((id, d) -> timedIndexed.put(id, d.until()));
    List<String> wrong = new ArrayList<>();
    Set<Long> runnableIndexed = new HashSet<>();
    runnable.stream().forEach(slot -> runnableIndexed.add(inSlot[slot].getThread().getId()));
    if (!runnableSeen.equals(runnableIndexed)) {
      wrong.add("runnable: table " + runnableSeen + ", index " + runnableIndexed);
    }
    if (!timedSeen.equals(timedIndexed)) {
      wrong.add("timed waits: table " + timedSeen + ", index " + timedIndexed);
    }
    if (!wrong.isEmpty()) {
      // Not an exception: thrown inside Fray's step, it is reported, but the run never ends.
      System.err.println("deterministic: the thread index is wrong (see ThreadIndex): " + wrong);
      Runtime.getRuntime().halt(3);
    }
  }
}
