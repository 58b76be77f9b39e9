package kvsrv.lock;

import kvapi.IKVClerk;

/**
 * A lock built on the key/value server: you fill it in for Lab 2. Many clients, each with its own
 * clerk, make a Lock with the same name {@code l}; at most one of them may hold it at a time.
 *
 * <p>Keep the lock's state in the key {@code l}, through the clerk's {@code get} and {@code put}
 * only. A Put succeeds only at the version it names, so two clients that race to take a free lock
 * cannot both succeed. Each Lock needs an id of its own (a random string) to tell whether it is the
 * holder.
 *
 * <p>On an unreliable network the clerk's put may say ErrMaybe: your Put may or may not have
 * happened. Find out from the key itself (read it again) instead of guessing.
 *
 * <p>Threads: one thread uses a Lock. {@link #acquire} blocks until the lock is held; {@link
 * #release} returns once it is free. A client that crashes while holding the lock is not a case you
 * need to handle.
 */
public class Lock {
  // The tester gives each Lock a clerk to the key/value server; call ck.get() and ck.put().
  private final IKVClerk ck;

  // Your definitions here (2B).

  private Lock(IKVClerk ck, String l) {
    this.ck = ck;
    // You may add code here.
  }

  /** A lock named {@code l} that uses the clerk {@code ck}. Must return quickly. */
  public static Lock make(IKVClerk ck, String l) {
    return new Lock(ck, l);
  }

  /** Takes the lock: returns once this Lock holds it. */
  public void acquire() {
    // Your code here (2B, 2D).
  }

  /** Gives the lock up; it must be held by this Lock. */
  public void release() {
    // Your code here (2B, 2D).
  }
}
