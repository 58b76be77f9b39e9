package org.pastalab.fray.core.utils;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * raftlab's stand-in for Fray 0.9.2's class of the same name, with the same API (Fray's core calls
 * it; it comes first on the deterministic mode's classpath, so the JVM loads this one): how a
 * thread that Fray has not chosen to run waits for its turn, and how Fray hands it the turn.
 *
 * <p>Why a stand-in: Fray's own version waits with {@code LockSupport.park()} in a loop, and {@code
 * park} returns at once while the thread's interrupt flag is set. So every interrupted thread
 * waiting for its turn spun at full speed: a Raft's {@code kill()} that interrupts its RPC threads
 * (as the reference's does) left dozens of them spinning against the one thread that runs, and
 * winding a test down took ten times as long as the test. This version sets the flag aside while it
 * waits and sets it again before the thread goes on, so what the thread sees is unchanged.
 *
 * <p>Remove this class when Fray's own version stops spinning (checked against 0.9.2).
 */
public final class Sync {
  private final int goal;
  private final AtomicInteger count = new AtomicInteger();
  private volatile Thread blockedThread;
  private volatile boolean blocked;

  /** A sync that lets its waiter go after {@code goal} calls of {@link #unblock}. */
  public Sync(int goal) {
    this.goal = goal;
  }

  public int getGoal() {
    return goal;
  }

  /** Whether a thread waits in {@link #block} now. */
  public boolean isBlocked() {
    return blocked;
  }

  /** As {@link #block}; Fray's version also checks its own bookkeeping in its debug mode. */
  public void blockCheck() {
    block();
  }

  /** Waits until {@link #unblock} has been called {@code goal} times, then resets the count. */
  public void block() {
    if (count.get() >= goal) {
      count.set(0);
      return;
    }
    Thread me = Thread.currentThread();
    blockedThread = me;
    blocked = true;
    boolean interrupted = Thread.interrupted(); // set aside: park would not wait while it is set
    try {
      while (count.get() < goal) {
        LockSupport.park();
        // Interrupted meanwhile (a peer's kill() interrupts its RPC threads while they wait for
        // their turn): set that aside too, or every later park returns at once.
        interrupted |= Thread.interrupted();
      }
    } finally {
      if (interrupted) {
        me.interrupt();
      }
    }
    blockedThread = null;
    blocked = false;
    count.set(0);
  }

  /** Counts one call; the last of {@code goal} lets the waiting thread go. */
  public void unblock() {
    if (count.incrementAndGet() >= goal) {
      Thread t = blockedThread;
      if (t != null) {
        LockSupport.unpark(t);
      }
    }
  }
}
