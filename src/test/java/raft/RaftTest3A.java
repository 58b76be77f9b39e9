package raft;

import static raft.RaftTester.RAFT_ELECTION_TIMEOUT;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import labs.Points;

/**
 * Lab 3A: leader election. The Java port of the 3A tests in {@code raft1/raft_test.go}; same
 * names, same scenarios, same messages.
 */
@Tag("3A")
class RaftTest3A {

  @Test
  @Order(1)
  @Points(5)
  void testInitialElection3A() {
    int servers = 3;
    RaftTester ts = RaftTester.makeTest(servers, true, false);
    ts.begin("Test (3A): initial election");

    // Is a leader elected?
    ts.checkOneLeader();

    // Sleep a bit to avoid racing with followers learning of the election, then check that all
    // peers agree on the term.
    ts.sleep(50);
    int term1 = ts.checkTerms();
    if (term1 < 1) {
      throw ts.fatalf("term is %d, but should be at least 1", term1);
    }

    // Does the leader+term stay the same if there is no network failure?
    ts.sleep(2 * RAFT_ELECTION_TIMEOUT);
    int term2 = ts.checkTerms();
    if (term1 != term2) {
      System.out.println("warning: term changed even though there were no failures");
    }

    // There should still be a leader.
    ts.checkOneLeader();
  }

  @Test
  @Order(2)
  @Points(5)
  void testReElection3A() {
    int servers = 3;
    RaftTester ts = RaftTester.makeTest(servers, true, false);
    ts.begin("Test (3A): election after network failure");

    int leader1 = ts.checkOneLeader();

    // If the leader disconnects, a new one should be elected.
    ts.g.disconnectAll(leader1);
    ts.checkOneLeader();

    // If the old leader rejoins, that shouldn't disturb the new leader, and the old leader
    // should switch to follower.
    ts.g.connectOne(leader1);
    int leader2 = ts.checkOneLeader();

    // If there's no quorum, no new leader should be elected.
    ts.g.disconnectAll(leader2);
    ts.g.disconnectAll((leader2 + 1) % servers);
    ts.sleep(2 * RAFT_ELECTION_TIMEOUT);

    // Check that the one connected server does not think it is the leader.
    ts.checkNoLeader();

    // If a quorum arises, it should elect a leader.
    ts.g.connectOne((leader2 + 1) % servers);
    ts.checkOneLeader();

    // Re-join of the last node shouldn't prevent a leader from existing.
    ts.g.connectOne(leader2);
    ts.checkOneLeader();
  }

  @Test
  @Order(3)
  @Points(5)
  void testManyElections3A() {
    int servers = 7;
    RaftTester ts = RaftTester.makeTest(servers, true, false);
    ts.begin("Test (3A): multiple elections");

    ts.checkOneLeader();

    int iters = 10;
    for (int ii = 1; ii < iters; ii++) {
      // Disconnect three nodes (possibly the same one twice).
      int i1 = ts.rand.nextInt(servers);
      int i2 = ts.rand.nextInt(servers);
      int i3 = ts.rand.nextInt(servers);
      ts.g.disconnectAll(i1);
      ts.g.disconnectAll(i2);
      ts.g.disconnectAll(i3);

      // Either the current leader should still be alive, or the remaining four should elect a
      // new one.
      ts.checkOneLeader();

      ts.g.connectOne(i1);
      ts.g.connectOne(i2);
      ts.g.connectOne(i3);
    }
    ts.checkOneLeader();
  }

  /**
   * With a healthy leader and a reliable network, the term must stay the same (a raftlab
   * addition: Go's testInitialElection3A only prints a warning). Followers that do not reset
   * their election timer when they hear from the leader keep starting elections.
   */
  @Test
  @Order(4)
  @Points(5)
  void testStableLeader3A() {
    int servers = 3;
    RaftTester ts = RaftTester.makeTest(servers, true, false);
    ts.begin("Test (3A): a healthy leader keeps its term (raftlab)");

    ts.checkOneLeader();
    ts.sleep(50); // let the followers learn of the election
    int term = ts.checkTerms();

    // Five election timeouts without failures: at most one election is forgiven (a long pause
    // of a busy machine); a follower that ignores heartbeats starts one every few hundred ms.
    int changes = 0;
    for (int i = 0; i < 50; i++) {
      ts.sleep(RAFT_ELECTION_TIMEOUT / 10);
      for (int s = 0; s < servers; s++) {
        int t = ts.raft(s).getState().term();
        if (t > term) {
          changes += 1;
          term = t;
        }
      }
    }
    if (changes > 1) {
      throw ts.fatalf("the term changed %d times in %d s without failures: a follower must reset"
          + " its election timer whenever it hears from the current leader", changes,
          5 * RAFT_ELECTION_TIMEOUT / 1000);
    }
    ts.checkOneLeader();
  }
}
