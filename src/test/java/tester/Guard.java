package tester;

import diagnostics.ThreadReport;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Calls into student code ({@code start}, {@code getState}, {@code snapshot}, {@code kill}) with a
 * time limit. These must return quickly; one that hangs (a deadlock, a lock held across an RPC, a
 * wait for the apply channel) would otherwise hang the tester with it. After the test's call limit
 * ({@link Config#DEFAULT_CALL_LIMIT_MS}, 10 s: long enough for a busy machine, short enough that a
 * hang is reported well before 120 s) the test fails with a message that names the call and the
 * likely causes, and the deadlock report.
 */
public final class Guard {

  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final ExecutorService POOL =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "tester-call-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
          });

  private Guard() {}

  /** Runs {@code body}, failing the test if it throws or does not return within the limit. */
  public static <T> T call(String what, Supplier<T> body) {
    Config cfg = Config.current();
    long limitMs = cfg == null ? Config.DEFAULT_CALL_LIMIT_MS : cfg.callLimitMs();
    AtomicReference<Thread> runner = new AtomicReference<>();
    Future<T> f =
        POOL.submit(
            () -> {
              runner.set(Thread.currentThread());
              return body.get();
            });
    try {
      return f.get(limitMs, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      Thread stuck = runner.get();
      StringBuilder msg = new StringBuilder();
      msg.append(what)
          .append(" has not returned after ")
          .append(limitMs / 1000.0)
          .append(
              " s; it must return quickly. Is it in an endless loop, or is a lock held"
                  + " forever (a deadlock), held while calling an RPC or putting on the apply"
                  + " channel, or does it wait for the apply channel?");
      String deadlocks = ThreadReport.deadlocks();
      StringBuilder details = new StringBuilder();
      if (stuck != null) {
        details.append("the call is stuck here:\n").append(ThreadReport.describe(stuck));
        details.append(ThreadReport.lockOwnerOf(stuck));
      }
      if (deadlocks != null) {
        details.append(deadlocks);
      }
      throw new TestFailure(msg.toString()).withDetails(details.toString());
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof TestFailure tf) {
        throw tf;
      }
      TestFailure tf = new TestFailure(what + " threw " + cause);
      tf.initCause(cause);
      throw tf;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw cfg == null ? new TestFailure(what + " was interrupted") : cfg.interrupted();
    }
  }

  /** Runs {@code body} under the same rules, for calls that return nothing. */
  public static void run(String what, Runnable body) {
    call(
        what,
        () -> {
          body.run();
          return null;
        });
  }
}
