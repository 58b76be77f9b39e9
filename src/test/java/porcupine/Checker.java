package porcupine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checks whether a recorded history is linearizable with respect to a {@link Model}.
 *
 * <pre>{@code
 * CheckResult r = Checker.checkOperations(model, history, Duration.ofSeconds(1));
 * LinearizationInfo<KvInput, KvOutput> info =
 *         Checker.checkOperationsVerbose(model, history, Duration.ofSeconds(1));
 * }</pre>
 *
 * <p>The model splits the history into partitions, which are searched in parallel on a few private
 * threads, one per core. The searches take turns on them in slices of steps ({@link SearchTurns}),
 * so every partition is searched from the start, as with Go's goroutine per partition: a short
 * partition is never left unsearched behind a long one. A shared stop flag ends every search at the
 * first ILLEGAL partition (the answer is then known) or when the timeout expires (the answer is
 * then UNKNOWN). The verbose variant does not stop at the first ILLEGAL partition: it searches them
 * all, so that the page drawn by the {@link Visualizer} explains every partition.
 *
 * <p>A timeout of zero, a negative one or {@code null} means "no timeout". The check may block for
 * as long as the timeout, plus the moment the searches take to notice the stop flag. An exception
 * thrown by the model is rethrown to the caller after all searches have stopped.
 */
public final class Checker {

  private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

  private Checker() {}

  /** Checks without a timeout: may take exponential time on a hard history. */
  public static <S, I, O> CheckResult checkOperations(
      Model<S, I, O> model, List<Operation<I, O>> history) {
    return checkOperations(model, history, Duration.ZERO);
  }

  /** Checks, giving up with UNKNOWN after {@code timeout} (zero or negative: never). */
  public static <S, I, O> CheckResult checkOperations(
      Model<S, I, O> model, List<Operation<I, O>> history, Duration timeout) {
    return overall(search(model, history, timeout, false));
  }

  /**
   * Checks every partition to the end (or the timeout) and keeps the partial linearizations, for
   * the {@link Visualizer}. Slower than {@link #checkOperations}: call it when you want the page.
   */
  public static <S, I, O> LinearizationInfo<I, O> checkOperationsVerbose(
      Model<S, I, O> model, List<Operation<I, O>> history, Duration timeout) {
    List<PartitionInfo<I, O>> partitions = search(model, history, timeout, true);
    return new LinearizationInfo<>(overall(partitions), partitions);
  }

  /**
   * Checks a history of call and return {@link Event}s, giving up with UNKNOWN after {@code
   * timeout} (zero or negative: never). Only the order of the events counts.
   */
  public static <S, I, O> CheckResult checkEvents(
      Model<S, I, O> model, List<Event<I, O>> history, Duration timeout) {
    return checkOperations(model, Event.toOperations(history), timeout);
  }

  /** {@link #checkEvents}, keeping the partial linearizations for the {@link Visualizer}. */
  public static <S, I, O> LinearizationInfo<I, O> checkEventsVerbose(
      Model<S, I, O> model, List<Event<I, O>> history, Duration timeout) {
    return checkOperationsVerbose(model, Event.toOperations(history), timeout);
  }

  private static CheckResult overall(List<? extends PartitionInfo<?, ?>> partitions) {
    CheckResult result = CheckResult.OK;
    for (PartitionInfo<?, ?> p : partitions) {
      if (p.result() == CheckResult.ILLEGAL) {
        return CheckResult.ILLEGAL; // a proven violation beats a timeout elsewhere
      }
      if (p.result() == CheckResult.UNKNOWN) {
        result = CheckResult.UNKNOWN;
      }
    }
    return result;
  }

  private static <S, I, O> List<PartitionInfo<I, O>> search(
      Model<S, I, O> model, List<Operation<I, O>> history, Duration timeout, boolean verbose) {
    List<List<Operation<I, O>>> parts = model.partition(history);
    if (parts.isEmpty()) {
      return List.of();
    }
    AtomicBoolean stop = new AtomicBoolean();
    List<PartitionSearch<S, I, O>> searches = new ArrayList<>();
    for (List<Operation<I, O>> part : parts) {
      searches.add(new PartitionSearch<>(model, part, stop, verbose));
    }
    SearchTurns<S, I, O> turns = new SearchTurns<>(searches, stop, verbose);
    // One thread per core is enough: the searches take turns, so none waits for another to end.
    int threads = Math.min(parts.size(), Runtime.getRuntime().availableProcessors());
    int pool = POOL_NUMBER.incrementAndGet();
    for (int i = 1; i <= threads; i++) {
      // Daemon threads, so a forgotten check never keeps the JVM (or a test run) alive.
      Thread t = new Thread(turns::work, "porcupine-" + pool + "-" + i);
      t.setDaemon(true);
      t.start();
    }
    awaitAll(turns.done(), timeout, stop);
    turns.rethrowFailure();
    List<PartitionInfo<I, O>> infos = new ArrayList<>();
    for (PartitionSearch<S, I, O> search : searches) {
      infos.add(search.info());
    }
    return infos;
  }

  /**
   * Waits for all searches; at the deadline (or an interrupt) raises the stop flag and waits on.
   */
  private static void awaitAll(CountDownLatch done, Duration timeout, AtomicBoolean stop) {
    boolean interrupted = false;
    try {
      boolean finished;
      if (timeout == null || timeout.isZero() || timeout.isNegative()) {
        done.await();
        finished = true;
      } else {
        finished = done.await(saturatedNanos(timeout), TimeUnit.NANOSECONDS);
      }
      if (!finished) {
        stop.set(true);
      }
    } catch (InterruptedException e) {
      stop.set(true);
      interrupted = true;
    }
    // Searches poll the flag at every step, so this wait is short.
    while (true) {
      try {
        done.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static long saturatedNanos(Duration d) {
    return d.compareTo(Duration.ofDays(100 * 365)) > 0 ? Long.MAX_VALUE : d.toNanos();
  }
}
