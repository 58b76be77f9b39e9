package porcupine;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Round-robin turns of the partition searches on the checker's few threads.
 *
 * <p>Go's Porcupine starts a goroutine per partition and lets the Go scheduler share the cores
 * among them. A fixed pool running each search to its end would not do the same: with two threads
 * and two slow partitions first, the others would wait, and at the time limit come back UNKNOWN
 * without a single step taken (or, on an illegal history, the easy partition that proves it would
 * be found only after the slow ones). So each thread takes the search at the front of a queue, runs
 * a slice of it, and puts it back at the end unless it has finished.
 */
final class SearchTurns<S, I, O> {

  /**
   * Steps per turn: well under a millisecond with a cheap model, a few with a slow one (Go preempts
   * a goroutine after 10 ms). Short turns share the threads finely, and a turn costs only a poll
   * and an add on the queue.
   */
  static final int SLICE_STEPS = 1_000;

  private final ConcurrentLinkedQueue<PartitionSearch<S, I, O>> queue;
  private final AtomicBoolean stop;
  private final boolean verbose;
  private final CountDownLatch done;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  SearchTurns(List<PartitionSearch<S, I, O>> searches, AtomicBoolean stop, boolean verbose) {
    this.queue = new ConcurrentLinkedQueue<>(searches);
    this.stop = stop;
    this.verbose = verbose;
    this.done = new CountDownLatch(searches.size());
  }

  /** Counts down once per search that has finished (with an answer, UNKNOWN, or an exception). */
  CountDownLatch done() {
    return done;
  }

  /**
   * A worker thread's loop: takes turns until the queue is empty. A thread that finds it empty may
   * leave, because every search still unfinished is then held by another thread, which puts it back
   * and takes it again.
   */
  void work() {
    PartitionSearch<S, I, O> search;
    while ((search = queue.poll()) != null) {
      boolean finished;
      try {
        finished = search.search(SLICE_STEPS);
        if (finished && !verbose && search.info().result() == CheckResult.ILLEGAL) {
          stop.set(true); // the answer is known: the other searches may end
        }
      } catch (RuntimeException | Error e) {
        failure.compareAndSet(null, e);
        stop.set(true); // the caller gets the exception, not an answer
        finished = true;
      }
      if (finished) {
        done.countDown();
      } else {
        queue.add(search);
      }
    }
  }

  /** Rethrows the first exception a model threw, once all searches have stopped. */
  void rethrowFailure() {
    Throwable t = failure.get();
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error e) {
      throw e;
    }
  }
}
