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
 */
public final class ElectionSafety {
  private final Failures failures;
  private final Map<Integer, Integer> leaderOfTerm = new HashMap<>();
  private final Set<Integer> reported = new HashSet<>();

  ElectionSafety(Failures failures) {
    this.failures = failures;
  }

  /** Reports that {@code server} said it was (or was not) the leader of {@code term}. */
  public void observe(int server, int term, boolean isLeader) {
    if (!isLeader) {
      return;
    }
    Integer earlier;
    boolean first;
    synchronized (this) {
      earlier = leaderOfTerm.putIfAbsent(term, server);
      // One report per term: the sampler sees the same two claims every 50 ms.
      first = earlier != null && earlier != server && reported.add(term);
    }
    if (first) {
      failures.fail(
          String.format(
              "servers %d and %d both claimed to be the leader of term %d (two leaders in one"
                  + " term break Raft's Election Safety: a peer must vote at most once per term,"
                  + " and a candidate needs votes from a majority of all peers)",
              Math.min(earlier, server), Math.max(earlier, server), term),
          "");
    }
  }
}
