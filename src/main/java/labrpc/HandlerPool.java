package labrpc;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The threads that run RPC handlers, the Java stand-in for Go's one goroutine per handler.
 *
 * <p>A handler must run on a thread other than the caller's, because the caller has to be able to
 * give up on it (a server killed while its handler is blocked). Handing work to another thread is
 * the main cost of an RPC here, so idle workers wait briefly on a spin before they park, and the
 * most recently idle (cache-warm) worker is reused first. A worker idle for a while exits. Workers
 * are daemon threads named {@code labrpc-handler-N}.
 */
final class HandlerPool {
  static final HandlerPool SHARED = new HandlerPool();

  private static final Runnable RETIRED = () -> {};
  // Spinning pays only where the worker that hands over a task runs at the same time as the one
  // that waits: not on one processor (as java.util.concurrent decides), nor in the deterministic
  // mode, which runs one thread at a time and starts the JVM with one processor.
  private static final long SPIN_NANOS =
      Runtime.getRuntime().availableProcessors() > 1 ? 20_000 : 0;
  private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(20);

  private final ConcurrentLinkedDeque<Worker> idle = new ConcurrentLinkedDeque<>();
  private final AtomicInteger created = new AtomicInteger();

  void execute(Runnable task) {
    Worker w;
    while ((w = idle.pollFirst()) != null) {
      if (w.offer(task)) {
        return;
      }
    }
    Worker fresh = new Worker(task, "labrpc-handler-" + created.incrementAndGet());
    fresh.start();
  }

  private final class Worker extends Thread {
    private final AtomicReference<Runnable> slot = new AtomicReference<>();

    Worker(Runnable first, String name) {
      super(name);
      setDaemon(true);
      slot.set(first);
    }

    boolean offer(Runnable task) {
      if (slot.compareAndSet(null, task)) {
        LockSupport.unpark(this);
        return true;
      }
      return false;
    }

    @Override
    public void run() {
      while (true) {
        Runnable task = slot.get();
        try {
          task.run();
        } catch (Throwable t) {
          // Tasks report their own failures; never let one kill a worker silently.
          t.printStackTrace();
        }
        slot.set(null);
        idle.addFirst(this);
        if (!awaitTask()) {
          return;
        }
      }
    }

    /** Waits for the next task; false if none came for a long time and this worker retired. */
    private boolean awaitTask() {
      long start = System.nanoTime();
      while (slot.get() == null) {
        long waited = System.nanoTime() - start;
        if (waited < SPIN_NANOS) {
          Thread.onSpinWait();
        } else if (waited < IDLE_NANOS) {
          LockSupport.parkNanos(this, IDLE_NANOS - waited);
        } else if (slot.compareAndSet(null, RETIRED)) {
          idle.remove(this);
          return false;
        }
      }
      return true;
    }
  }
}
