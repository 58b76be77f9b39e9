package tester;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Watches Raft's Election Safety property (Figure 3 of the paper: at most one leader can be elected
 * in a given term) for the whole test, not only when a checker runs. Every time the tester learns a
 * peer's state (the sampler every 50 ms, and every checker's {@code getState}), it reports the
 * claim here; the moment two different servers have claimed leadership in the same term, the test
 * fails and names both.
 *
 * <p>A correct Raft can never trip it: a deposed leader that has not yet noticed still claims its
 * old term, and the new leader a later one. A restarted server that claims a term it led before it
 * crashed is the same server, not a second leader.
 *
 * <p>Terms belong to a group (Lab 5 runs several Raft groups side by side, each counting its own
 * terms): claims are kept per (group, term), so the leaders of two groups in the same term are
 * fine, and only two servers of one group in one term fail the test.
 */
public final class ElectionSafety {
  private final Failures failures;

  /** A term of one group. */
  private record GroupTerm(int gid, int term) {}

  private final Map<GroupTerm, Integer> leaderOfTerm = new HashMap<>();
  private final Set<GroupTerm> reported = new HashSet<>();

  ElectionSafety(Failures failures) {
    this.failures = failures;
  }

  /**
   * Forgets group {@code gid}'s claims: the group has exited, and a new group made later with the
   * same id counts its terms from 0 again (Lab 5's tests re-make a group that left).
   */
  public synchronized void forget(int gid) {
    leaderOfTerm.keySet().removeIf(k -> k.gid() == gid);
    reported.removeIf(k -> k.gid() == gid);
  }

  /**
   * Reports that {@code server} of group {@link Config#GRP0} said it was (or was not) the leader of
   * {@code term}.
   */
  public void observe(int server, int term, boolean isLeader) {
    observe(Config.GRP0, server, term, isLeader);
  }

  /**
   * Reports that {@code server} of group {@code gid} said it was (or was not) the leader of the
   * group's {@code term}.
   */
  public void observe(int gid, int server, int term, boolean isLeader) {
    if (!isLeader) {
      return;
    }
    GroupTerm key = new GroupTerm(gid, term);
    Integer earlier;
    boolean first;
    synchronized (this) {
      earlier = leaderOfTerm.putIfAbsent(key, server);
      // One report per term: the sampler sees the same two claims every 50 ms.
      first = earlier != null && earlier != server && reported.add(key);
    }
    if (first) {
      // Labs 3 and 4 have one group: their message names no group.
      String servers = gid == Config.GRP0 ? "servers %d and %d" : "servers %d and %d of group %d";
      failures.fail(
          String.format(
              servers
                  + " both claimed to be the leader of term %d (two leaders in one"
                  + " term break Raft's Election Safety: a peer must vote at most once per term,"
                  + " and a candidate needs votes from a majority of all peers)",
              gid == Config.GRP0
                  ? new Object[] {Math.min(earlier, server), Math.max(earlier, server), term}
                  : new Object[] {Math.min(earlier, server), Math.max(earlier, server), gid, term}),
          "");
    }
  }
}
