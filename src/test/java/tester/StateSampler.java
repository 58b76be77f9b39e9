package tester;

import diagnostics.EventLog;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import raftapi.Raft;

/**
 * Every 50 ms, asks each Raft peer of one group (each live group has a sampler) for its term and
 * role, for the test's timeline (each change becomes a {@code state} event) and for {@link
 * ElectionSafety}. Runs for the whole test, in Lab 3 and Lab 4 alike: it finds the peers among the
 * services each server runs.
 *
 * <p>Each peer is asked on a thread of its own, so a peer whose {@code getState} hangs (a deadlock,
 * a lock held across an RPC) stops only its own samples: the others are still watched, and two
 * leaders among them are still caught. Such a peer is asked again only once its call returns; after
 * {@value #STUCK_MS} ms without an answer the test output says that the monitor no longer watches
 * it. (The test itself fails when one of its checkers calls that {@code getState}, under the call
 * limit of {@link Guard}.) A {@code getState} that throws is skipped here, and reported by the
 * checkers too.
 */
final class StateSampler {
  /**
   * Every 50 ms; the deterministic mode asks for less ({@code -Draftlab.samplerPeriodMs}): in its
   * virtual time a sample costs no wall time, and a second leader that steps down after a few
   * milliseconds is still seen.
   */
  static final long PERIOD_MS = Long.getLong("raftlab.samplerPeriodMs", 50);

  /**
   * Whether peers are asked on the sampler's own thread rather than each on a pool thread: only in
   * the deterministic mode ({@code -Draftlab.samplerInline=true}), where every hand-over to a pool
   * thread is several steps of the scheduler, and every step costs time in proportion to the live
   * threads (hundreds once a peer is cut off). A {@code getState} that hangs then stops every
   * sample, not only its peer's; the checkers still report it.
   */
  static final boolean INLINE = Boolean.getBoolean("raftlab.samplerInline");

  /** How long a peer's {@code getState} may go unanswered before the test output says so. */
  static final long STUCK_MS = 10_000;

  /** What the sampler knows of one server: its last state, and its sample in flight, if any. */
  private static final class Peer {
    String last;
    Raft asked; // the instance whose getState has not returned yet, or null
    long askedAt;
    boolean reported; // the output said that this call is stuck
  }

  private static final AtomicInteger THREADS = new AtomicInteger();

  private final int gid;
  private final IntFunction<Raft> peerOf;
  private final EventLog events;
  private final ElectionSafety safety;
  private final long periodMs;
  private final long stuckMs;
  private final Consumer<String> output;
  private final Peer[] peers;
  private final ExecutorService askers =
      Executors.newCachedThreadPool(
          r -> {
            // "tester-" threads are the tester's own: never reported as leaked by a server.
            Thread t = new Thread(r, "tester-sampler-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
          });
  private volatile boolean running = true;

  /** The sampler of {@code group}'s Raft peers, as every test has one. */
  StateSampler(ServerGrp group, EventLog events, ElectionSafety safety) {
    this(
        group.gid(),
        group.n(),
        i -> raftOf(group.services(i)),
        events,
        safety,
        PERIOD_MS,
        STUCK_MS,
        System.out::println);
  }

  /**
   * A sampler of {@code n} servers whose Raft peers (or null while down) {@code peerOf} gives, that
   * writes to {@code output} what the test output says (a shorter {@code stuckMs} for self-tests).
   */
  StateSampler(
      int n,
      IntFunction<Raft> peerOf,
      EventLog events,
      ElectionSafety safety,
      long periodMs,
      long stuckMs,
      Consumer<String> output) {
    this(Config.GRP0, n, peerOf, events, safety, periodMs, stuckMs, output);
  }

  /** As above, for the servers of group {@code gid}. */
  StateSampler(
      int gid,
      int n,
      IntFunction<Raft> peerOf,
      EventLog events,
      ElectionSafety safety,
      long periodMs,
      long stuckMs,
      Consumer<String> output) {
    this.gid = gid;
    this.peerOf = peerOf;
    this.events = events;
    this.safety = safety;
    this.periodMs = periodMs;
    this.stuckMs = stuckMs;
    this.output = output;
    this.peers = new Peer[n];
    for (int i = 0; i < n; i++) {
      peers[i] = new Peer();
    }
  }

  /** Starts the sampling thread; it ends at {@link #stop}. */
  void start() {
    Thread t = new Thread(this::loop, "tester-sampler-g" + gid);
    t.setDaemon(true);
    t.start();
  }

  /**
   * Stops sampling. A {@code getState} still stuck keeps its thread, a daemon, until it returns.
   */
  void stop() {
    running = false;
    askers.shutdown();
  }

  private void loop() {
    while (running) {
      try {
        sampleOnce();
      } catch (RuntimeException e) {
        // The group is being torn down at the end of the test: the next round stops.
      }
      // Whatever the round did: a sampler that does not sleep would spin against the peers'
      // locks and slow down the Raft it watches.
      try {
        Thread.sleep(periodMs);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** One round: asks every peer that has no question pending, and notes those stuck in one. */
  void sampleOnce() {
    for (int i = 0; i < peers.length; i++) {
      Raft rf = peerOf.apply(i);
      if (rf == null) {
        record(i, "down", -1);
      } else if (INLINE) {
        askInline(i, rf);
      } else if (claim(i, rf)) {
        int server = i;
        try {
          askers.execute(() -> ask(server, rf));
        } catch (RuntimeException e) {
          release(server, rf); // stopped meanwhile
        }
      }
    }
  }

  /** Asks {@code rf} for its state, on a thread of the sampler's pool. */
  private void ask(int server, Raft rf) {
    try {
      askInline(server, rf);
    } finally {
      release(server, rf);
    }
  }

  /**
   * Asks {@code rf} for its state and records it; on the sampler's own thread in the deterministic
   * mode, with no claim and no release: nothing else asks, and a question cannot be left pending.
   * Under the scheduler every lock taken is a step, and the sampler runs every virtual millisecond.
   */
  private void askInline(int server, Raft rf) {
    try {
      Raft.State st = rf.getState();
      safety.observe(gid, server, st.term(), st.isLeader());
      record(server, st.isLeader() ? "leader" : "follower", st.term());
    } catch (RuntimeException e) {
      // A peer that throws from getState is reported by the checkers, not here.
    }
  }

  /**
   * Whether {@code rf} may be asked now: not if its previous question has not returned (then says
   * so, once, when that has lasted {@code stuckMs}). A restarted peer is a new instance, asked even
   * while its killed predecessor is stuck.
   */
  private boolean claim(int server, Raft rf) {
    Peer p = peers[server];
    long now = System.nanoTime();
    String stuck = null;
    synchronized (p) {
      if (p.asked == rf) {
        if (!p.reported && now - p.askedAt >= TimeUnit.MILLISECONDS.toNanos(stuckMs)) {
          p.reported = true;
          stuck =
              String.format(
                  "warning: getState() on server %d%s has not returned for %s; the tester's"
                      + " election-safety monitor does not watch server %d until it does"
                      + " (the other servers are still watched)",
                  server, gid == Config.GRP0 ? "" : " of group " + gid, duration(stuckMs), server);
        }
        if (stuck == null) {
          return false;
        }
      } else {
        p.asked = rf;
        p.askedAt = now;
        p.reported = false;
        return true;
      }
    }
    output.accept(stuck);
    events.tester(stuck);
    return false;
  }

  private void release(int server, Raft rf) {
    Peer p = peers[server];
    synchronized (p) {
      if (p.asked == rf) {
        p.asked = null;
      }
    }
  }

  /** Adds a {@code state} event when the server's role or term changed since the last sample. */
  private void record(int server, String state, int term) {
    Peer p = peers[server];
    String key = state + term;
    if (INLINE) {
      // Only the sampler's thread records (see askInline): no lock, one scheduler step less.
      if (key.equals(p.last)) {
        return;
      }
      p.last = key;
    } else {
      synchronized (p) {
        if (key.equals(p.last)) {
          return;
        }
        p.last = key;
      }
    }
    events.state(gid, server, term, state);
  }

  /** "10 s", or "200 ms" for the short limits of self-tests. */
  private static String duration(long ms) {
    return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
  }

  private static Raft raftOf(List<Object> services) {
    for (Object svc : services) {
      if (svc instanceof Raft rf) {
        return rf;
      }
    }
    return null;
  }
}
