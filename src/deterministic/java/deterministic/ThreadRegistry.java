package deterministic;

import java.lang.reflect.Field;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.pastalab.fray.core.RunContext;
import org.pastalab.fray.core.ThreadContext;
import org.pastalab.fray.core.ThreadIndex;
import org.pastalab.fray.rmi.ThreadState;

/**
 * Fray's table of the run's threads, made so that its walks are cheap: they skip the threads that
 * have ended, and they go through no code that Fray instruments.
 *
 * <p>Why: at every scheduled step Fray 0.9.2 walks its table of threads several times (which
 * threads can run, whose timed wait is over, is any thread blocked), and the table is a {@code
 * ConcurrentHashMap}. Fray instruments {@code java.util.concurrent} so that each read and write of
 * a volatile field calls into its runtime, walks included: profiled ({@code testBackup3B}, seed 7),
 * three quarters of the CPU went to those calls from Fray's own walks. And it keeps a thread in the
 * table until the run ends, though a Lab 3 test starts hundreds of short-lived threads (a thread
 * per RPC, the threads of every crashed and restarted peer): 709 threads registered at that test's
 * verdict, 693 of them ended, over 1.2 million steps.
 *
 * <p>How: this map answers lookups by thread id ({@code get}, {@code containsKey}, {@code size})
 * from every thread ever registered, as Fray's own table does: Fray looks up an ended thread when
 * another thread interrupts it, asks its state or joins it. Its walks ({@link #values}, {@link
 * #entrySet}) go over a copy, in the order of thread ids, of a {@code TreeMap} (not instrumented:
 * only {@code java.util.concurrent} is; the copy is made again only when a thread comes or goes)
 * that leaves out the threads Fray is done with: every walk Fray makes looks for threads that can
 * run, are blocked or wait, and an ended thread is none of these. A thread leaves the walks once it
 * has ended and Fray's helper has released its monitor ({@code isExiting} false).
 *
 * <p>Fray calls this map only from the thread it lets run, or from its helper while that thread
 * ends, one at a time; the walked map is guarded by its own monitor all the same.
 *
 * <p>Walking in the order of thread ids, not in the order of Fray's hash table, changes the run a
 * seed gives (Fray unblocks the threads whose timed waits are over in the order it walks them), not
 * whether it replays: a seed's run is the same every time, with this class as without it.
 */
final class ThreadRegistry extends ConcurrentHashMap<Long, ThreadContext> {
  /** How many walks between two sweeps of the ended threads. */
  private static final int WALKS_PER_SWEEP = 256;

  /** The threads a walk visits, by id: every registered thread but those Fray is done with. */
  private final TreeMap<Long, ThreadContext> walked = new TreeMap<>();

  /** What {@link #values} returns until the walked threads change; null once they have. */
  private List<ThreadContext> walkedCopy;

  private int walksSinceSweep;

  /**
   * The threads that Fray's scheduling step walks (see {@link ThreadIndex}), kept up to date here.
   */
  private final ThreadIndex index;

  private ThreadRegistry(RunContext context) {
    this.index = ThreadIndex.start(context, this);
  }

  /**
   * Puts a registry in place of the table of {@code context}, with the threads registered so far.
   * Call it first thing in the run's body, while the body's thread is the only one: it copies the
   * table, and a thread registered between the copy and the swap would be lost.
   */
  static void install(RunContext context) {
    try {
      Field table = RunContext.class.getDeclaredField("registeredThreads");
      table.setAccessible(true);
      ThreadRegistry registry = new ThreadRegistry(context);
      @SuppressWarnings("unchecked")
      Map<Long, ThreadContext> old = (Map<Long, ThreadContext>) table.get(context);
      for (Map.Entry<Long, ThreadContext> e : old.entrySet()) {
        registry.put(e.getKey(), e.getValue());
      }
      table.set(context, registry);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException(
          "deterministic: cannot replace Fray's table of threads (RunContext.registeredThreads);"
              + " was Fray upgraded? See ThreadRegistry",
          e);
    }
  }

  @Override
  public ThreadContext put(Long id, ThreadContext thread) {
    synchronized (walked) {
      walked.put(id, thread);
      walkedCopy = null;
    }
    index.add(thread);
    return super.put(id, thread);
  }

  @Override
  public ThreadContext remove(Object id) {
    synchronized (walked) {
      walked.remove(id);
      walkedCopy = null;
    }
    if (id instanceof Long key) {
      index.remove(key);
    }
    return super.remove(id);
  }

  @Override
  public void clear() {
    synchronized (walked) {
      walked.clear();
      walkedCopy = null;
    }
    index.clear();
    super.clear();
  }

  @Override
  public Collection<ThreadContext> values() {
    synchronized (walked) {
      sweepNowAndThen();
      if (walkedCopy == null) {
        walkedCopy = List.copyOf(walked.values());
      }
      return walkedCopy;
    }
  }

  @Override
  public Set<Map.Entry<Long, ThreadContext>> entrySet() {
    synchronized (walked) {
      return new CopiedSet<>(List.copyOf(walked.entrySet()));
    }
  }

  /**
   * Every {@link #WALKS_PER_SWEEP} walks, drops the threads Fray is done with from the walks. A
   * loop, not {@code removeIf} with a lambda: Fray instruments this class like any other, and a
   * static field read in the lambda ({@code ThreadState.Completed}) called into Fray for every
   * thread swept (15% of the CPU of {@code testReliableChurn3C}). Read once here, it is one call a
   * sweep.
   */
  private void sweepNowAndThen() {
    if (++walksSinceSweep < WALKS_PER_SWEEP) {
      return;
    }
    walksSinceSweep = 0;
    ThreadState completed = ThreadState.Completed;
    for (Iterator<ThreadContext> it = walked.values().iterator(); it.hasNext(); ) {
      ThreadContext thread = it.next();
      if (thread.getState() == completed && !thread.isExiting()) {
        it.remove();
        walkedCopy = null;
      }
    }
  }

  /** A set that is a copy: Fray only iterates it (Kotlin's {@code any} and {@code none}). */
  private static final class CopiedSet<E> extends AbstractSet<E> {
    private final List<E> elements;

    CopiedSet(List<E> elements) {
      this.elements = elements;
    }

    @Override
    public Iterator<E> iterator() {
      return elements.iterator();
    }

    @Override
    public int size() {
      return elements.size();
    }
  }
}
