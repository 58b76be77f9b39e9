package deterministic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pastalab.fray.core.ThreadContext;
import org.pastalab.fray.core.concurrency.operations.NonRacingOperation;
import org.pastalab.fray.core.concurrency.operations.Operation;
import org.pastalab.fray.core.concurrency.operations.RacingOperation;
import org.pastalab.fray.core.randomness.Randomness;
import org.pastalab.fray.core.scheduler.Scheduler;

/**
 * Fray's POS scheduler (partial order sampling), step for step, with its table of priorities keyed
 * by thread id instead of by Fray's thread object.
 *
 * <p>Why: Fray 0.9.2's {@code POSScheduler} keeps each waiting thread's priority in a hash map
 * keyed by {@code ThreadContext}, whose hash code is the identity hash code. The deterministic mode
 * runs with {@code -XX:hashCode=2} (every identity hash code is 1, see the instructor guide), which
 * puts every key in one bin: each lookup searched the whole table, and when a pool's threads all
 * woke at once that search took more than half of the CPU of a run ({@code testBackup3B}, seed 7,
 * profiled). Thread ids hash well. And after each choice Fray sweeps the whole table, which keeps
 * blocked and ended threads too (see {@link #forgetAfterChoosing}).
 *
 * <p>The algorithm is Fray's: each thread that can run draws a random priority (uniform in [0, 1))
 * the first time it is seen waiting; a thread whose next operation races with nothing runs first;
 * otherwise the thread of lowest priority runs, and it and every waiting thread whose operation
 * races with the one chosen draw new priorities when next seen. The random numbers are drawn in the
 * same order as Fray's, so a seed gives the same run under either class: {@code --scheduler
 * fray-pos} runs Fray's own class, and seed 7 gave the same event log under both for {@code
 * testInitialElection3A} ({@code 195d8680f384941c}) and {@code testBackup3B} ({@code
 * 254948f6882ef318}; 56 s against 104 s).
 */
final class PosScheduler extends Scheduler {
  /** Each waiting thread's priority, by thread id. */
  private final Map<Long, Double> priorities = new HashMap<>();

  PosScheduler(Randomness randomness) {
    super(randomness);
  }

  @Override
  public ThreadContext scheduleNextOperation(
      List<ThreadContext> runnable, Collection<ThreadContext> allThreads) {
    if (runnable.size() == 1) {
      return runnable.get(0);
    }
    List<ThreadContext> nonRacing = new ArrayList<>();
    for (ThreadContext thread : runnable) {
      priorities.computeIfAbsent(idOf(thread), id -> getRand().nextDouble(0.0, 1.0));
      if (thread.getPendingOperation() instanceof NonRacingOperation) {
        nonRacing.add(thread);
      }
    }
    if (!nonRacing.isEmpty()) {
      return lowestPriority(nonRacing);
    }
    ThreadContext next = lowestPriority(runnable);
    forgetAfterChoosing(next, runnable);
    return next;
  }

  /**
   * Fray's rule: the thread chosen, and every runnable thread whose operation races with the chosen
   * one, draw new priorities when next seen. Fray sweeps its whole table for them, and the table
   * keeps the threads that are blocked (a thread chosen by the early return above keeps its entry
   * while it waits again) and those that have ended: hundreds in a churn test, at every step. Only
   * runnable threads can match the rule, so only they are looked at: the same entries go.
   */
  private void forgetAfterChoosing(ThreadContext next, List<ThreadContext> runnable) {
    Operation chosen = next.getPendingOperation();
    for (ThreadContext thread : runnable) {
      if (thread == next
          || (thread.getPendingOperation() instanceof RacingOperation op && op.isRacing(chosen))) {
        priorities.remove(idOf(thread));
      }
    }
  }

  /** The first thread of lowest priority, in the order given (as Kotlin's {@code minBy}). */
  private ThreadContext lowestPriority(List<ThreadContext> threads) {
    ThreadContext lowest = threads.get(0);
    double lowestPriority = priorities.get(idOf(lowest));
    for (ThreadContext thread : threads) {
      double p = priorities.get(idOf(thread));
      if (p < lowestPriority) {
        lowest = thread;
        lowestPriority = p;
      }
    }
    return lowest;
  }

  @SuppressWarnings("deprecation") // Thread.threadId() is JDK 19; this tree compiles for 17
  private static long idOf(ThreadContext thread) {
    return thread.getThread().getId();
  }

  @Override
  public Scheduler nextIteration(Randomness randomness) {
    return new PosScheduler(randomness);
  }
}
