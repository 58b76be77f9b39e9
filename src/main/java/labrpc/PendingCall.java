package labrpc;

import java.util.concurrent.locks.LockSupport;

/**
 * One RPC whose handler runs on a handler thread while the caller waits. The handler thread stores
 * the outcome and wakes the caller; the caller can also be woken by the network when the server may
 * have died, so that it stops waiting at once.
 */
final class PendingCall implements Runnable {
  private static final long SPIN_NANOS = 20_000;

  private final Server server;
  private final String svcMeth;
  private final byte[] args;
  private final Class<?> replyClass;
  private final Network net;
  private final Thread caller = Thread.currentThread();
  private volatile Server.Outcome outcome;

  PendingCall(Network net, Server server, String svcMeth, byte[] args, Class<?> replyClass) {
    this.net = net;
    this.server = server;
    this.svcMeth = svcMeth;
    this.args = args;
    this.replyClass = replyClass;
  }

  @Override
  public void run() {
    outcome = server.dispatch(net, svcMeth, args, replyClass);
    LockSupport.unpark(caller);
  }

  /** The outcome, or null if it did not arrive within {@code nanos} (or the caller was woken). */
  Server.Outcome await(long nanos) {
    long start = System.nanoTime();
    Server.Outcome o;
    while ((o = outcome) == null) {
      long waited = System.nanoTime() - start;
      if (waited >= nanos) {
        return null;
      }
      if (waited < SPIN_NANOS) {
        Thread.onSpinWait();
      } else {
        LockSupport.parkNanos(this, nanos - waited);
        return outcome;
      }
    }
    return o;
  }

  void wake() {
    LockSupport.unpark(caller);
  }
}
