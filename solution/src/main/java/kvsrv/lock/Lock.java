package kvsrv.lock;

import java.util.concurrent.ThreadLocalRandom;
import kvapi.Err;
import kvapi.IKVClerk;

/**
 * A lock on the key/value server (reference solution). The key {@code l} holds the holder's id, or
 * "" when the lock is free. Acquire puts its id at the version it read; after ErrMaybe it reads the
 * key again to learn whether its Put happened. Release puts "" at the version it read, and only
 * while it holds the lock.
 */
public class Lock {
  /** The pause before trying a held lock again. */
  static final long RETRY_MS = 10;

  private final IKVClerk ck;
  private final String l;
  private final String id;

  private Lock(IKVClerk ck, String l) {
    this.ck = ck;
    this.l = l;
    this.id = randomId(8);
  }

  public static Lock make(IKVClerk ck, String l) {
    return new Lock(ck, l);
  }

  public void acquire() {
    while (true) {
      IKVClerk.GetResult r = ck.get(l);
      if (r.err() == Err.OK && r.value().equals(id)) {
        return; // a Put that said ErrMaybe did happen
      }
      if (r.err() == Err.ErrNoKey || r.value().isEmpty()) {
        Err err = ck.put(l, id, r.version());
        if (err == Err.OK) {
          return;
        }
        if (err == Err.ErrMaybe) {
          continue; // read again: is it ours?
        }
      }
      pause();
    }
  }

  public void release() {
    while (true) {
      IKVClerk.GetResult r = ck.get(l);
      if (r.err() != Err.OK || !r.value().equals(id)) {
        return; // not ours (anymore): nothing to release
      }
      Err err = ck.put(l, "", r.version());
      if (err == Err.OK) {
        return;
      }
      // ErrMaybe: read again; ErrVersion cannot happen while we hold it, but read again anyway.
    }
  }

  private static String randomId(int n) {
    String letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append(letters.charAt(ThreadLocalRandom.current().nextInt(letters.length())));
    }
    return b.toString();
  }

  private static void pause() {
    try {
      Thread.sleep(RETRY_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
