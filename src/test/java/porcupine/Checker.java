package porcupine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checks whether a recorded history is linearizable with respect to a {@link Model}.
 *
 * <pre>{@code
 * CheckResult r = Checker.checkOperations(new KvModel(), history, Duration.ofSeconds(1));
 * LinearizationInfo<KvInput, KvOutput> info =
 *         Checker.checkOperationsVerbose(new KvModel(), history, Duration.ofSeconds(1));
 * }</pre>
 *
 * <p>The model splits the history into partitions, which are searched in parallel on a small
 * private thread pool. A shared stop flag ends every search at the first ILLEGAL partition (the
 * answer is then known) or when the timeout expires (the answer is then UNKNOWN). The verbose
 * variant does not stop at the first ILLEGAL partition: it searches them all, so that the page
 * drawn by the {@link Visualizer} explains every partition.
 *
 * <p>A timeout of zero, a negative one or {@code null} means "no timeout". The check may block for
 * as long as the timeout, plus the moment the searches take to notice the stop flag. An exception
 * thrown by the model is rethrown to the caller after all searches have stopped.
 */
public final class Checker {

    private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

    private Checker() {
    }

    /** Checks without a timeout: may take exponential time on a hard history. */
    public static <S, I, O> CheckResult checkOperations(Model<S, I, O> model, List<Operation<I, O>> history) {
        return checkOperations(model, history, Duration.ZERO);
    }

    /** Checks, giving up with UNKNOWN after {@code timeout} (zero or negative: never). */
    public static <S, I, O> CheckResult checkOperations(Model<S, I, O> model, List<Operation<I, O>> history,
                                                        Duration timeout) {
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
        CountDownLatch done = new CountDownLatch(parts.size());
        // At least two threads even on one core: one hard partition must not starve an easy
        // illegal one whose answer would stop it.
        int threads = Math.min(parts.size(), Math.max(2, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
        try {
            List<Future<PartitionInfo<I, O>>> futures = new ArrayList<>();
            for (List<Operation<I, O>> part : parts) {
                futures.add(pool.submit(() -> {
                    try {
                        PartitionInfo<I, O> info = new PartitionSearch<>(model, part, stop, verbose).run();
                        if (!verbose && info.result() == CheckResult.ILLEGAL) {
                            stop.set(true);
                        }
                        return info;
                    } catch (RuntimeException | Error e) {
                        stop.set(true); // the caller gets the exception, not an answer
                        throw e;
                    } finally {
                        done.countDown();
                    }
                }));
            }
            awaitAll(done, timeout, stop);
            List<PartitionInfo<I, O>> infos = new ArrayList<>();
            for (Future<PartitionInfo<I, O>> f : futures) {
                infos.add(resultOf(f));
            }
            return infos;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits for all searches; at the deadline (or an interrupt) raises the stop flag and waits on. */
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

    private static <T> T resultOf(Future<T> future) {
        try {
            return future.get(); // already finished: does not block
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while collecting results", e);
        }
    }

    private static long saturatedNanos(Duration d) {
        return d.compareTo(Duration.ofDays(100 * 365)) > 0 ? Long.MAX_VALUE : d.toNanos();
    }

    /** Daemon threads, so a forgotten check never keeps the JVM (or a test run) alive. */
    private static ThreadFactory daemonThreads() {
        int pool = POOL_NUMBER.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "porcupine-" + pool + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
