package tester;

import diagnostics.EventLog;
import java.util.List;

/**
 * Every 50 ms, asks each Raft peer of group {@link Config#GRP0} for its term and role, for the
 * test's timeline (each change becomes a {@code state} event) and for {@link ElectionSafety}. Runs
 * for the whole test, in Lab 3 and Lab 4 alike: it finds the peers among the services each server
 * runs. A peer whose {@code getState} hangs or throws is reported by the checkers, which call it
 * under a time limit; the sampler only skips it.
 */
final class StateSampler {
  /**
   * Every 50 ms; the deterministic mode asks for less ({@code -Draftlab.samplerPeriodMs}): in its
   * virtual time a sample costs no wall time, and a second leader that steps down after a few
   * milliseconds is still seen.
   */
  static final long PERIOD_MS = Long.getLong("raftlab.samplerPeriodMs", 50);

  private final ServerGrp group;
  private final EventLog events;
  private final ElectionSafety safety;
  private final String[] last;
  private volatile boolean running = true;

  StateSampler(ServerGrp group, EventLog events, ElectionSafety safety) {
    this.group = group;
    this.events = events;
    this.safety = safety;
    this.last = new String[group.n()];
  }

  /** Starts the sampling thread; it ends at {@link #stop}. */
  void start() {
    Thread t = new Thread(this::loop, "tester-sampler");
    t.setDaemon(true);
    t.start();
  }

  void stop() {
    running = false;
  }

  private void loop() {
    while (running) {
      try {
        sampleOnce();
        Thread.sleep(PERIOD_MS);
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        // A peer that throws from getState is reported by the checks, not here.
      }
    }
  }

  void sampleOnce() {
    for (int i = 0; i < group.n(); i++) {
      String state = "down";
      int term = -1;
      raftapi.Raft rf = raftOf(group.services(i));
      if (rf != null) {
        raftapi.Raft.State st = rf.getState();
        state = st.isLeader() ? "leader" : "follower";
        term = st.term();
        safety.observe(i, term, st.isLeader());
      }
      String key = state + term;
      if (!key.equals(last[i])) {
        last[i] = key;
        events.state(i, term, state);
      }
    }
  }

  private static raftapi.Raft raftOf(List<Object> services) {
    for (Object svc : services) {
      if (svc instanceof raftapi.Raft rf) {
        return rf;
      }
    }
    return null;
  }
}
