package tester;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import diagnostics.EventLog;
import org.junit.jupiter.api.Test;

/**
 * The election-safety monitor with several Raft groups (Lab 5): each group counts its own terms, so
 * the leaders of two groups in one term are fine, while two leaders of one group in one term fail
 * the test, naming the group; a group made again after it exited starts its terms afresh.
 */
class ElectionSafetyTest {
  private final EventLog events = new EventLog();
  // A thread that never runs stands for the test thread, which a failure would interrupt.
  private final Failures failures = new Failures(new Thread(() -> {}), events);
  private final ElectionSafety safety = new ElectionSafety(failures);

  @Test
  void leadersOfTwoGroupsInOneTermAreAccepted() {
    // Groups 0, 1 and 2 each elect a leader in term 1, server 0 of one and server 2 of another.
    safety.observe(0, 0, 1, true);
    safety.observe(1, 2, 1, true);
    safety.observe(2, 1, 1, true);
    safety.observe(1, 2, 1, true); // sampled again: the same claim

    assertNull(failures.recorded(), "no two leaders of one group claimed one term");
  }

  @Test
  void twoLeadersOfOneGroupInOneTermAreCaught() {
    safety.observe(1, 0, 1, true); // group 1's leader of term 1
    safety.observe(2, 1, 1, true); // group 2's: fine
    safety.observe(1, 2, 1, true); // a second leader of group 1 in term 1

    TestFailure f = failures.recorded();
    assertNotNull(f, "two leaders of group 1 in term 1 went unnoticed");
    assertTrue(
        f.getMessage()
            .startsWith("servers 0 and 2 of group 1 both claimed to be the leader of term 1"),
        f.getMessage());
  }

  @Test
  void groupZeroKeepsTheMessageOfLabs3And4() {
    safety.observe(0, 3, true);
    safety.observe(1, 3, true);

    TestFailure f = failures.recorded();
    assertNotNull(f);
    assertTrue(
        f.getMessage().startsWith("servers 0 and 1 both claimed to be the leader of term 3"),
        f.getMessage());
  }

  @Test
  void aGroupMadeAgainCountsItsTermsAfresh() {
    // Group 7 joins, leads in term 1, leaves and exits; a new group 7 elects another server in
    // term 1.
    safety.observe(7, 0, 1, true);
    safety.forget(7);
    safety.observe(7, 1, 1, true);

    assertNull(failures.recorded(), "a new group 7 is not the old one");
    // But the new group is watched as any other.
    safety.observe(7, 2, 1, true);
    assertNotNull(failures.recorded());
    assertEquals(true, failures.recorded().getMessage().contains("of group 7"));
  }
}
