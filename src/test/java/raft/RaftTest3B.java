package raft;

import static raft.RaftTester.RAFT_ELECTION_TIMEOUT;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import raftapi.Raft.StartResult;
import raftapi.Raft.State;
import tester.Points;

/**
 * Lab 3B: log replication. The Java port of the 3B tests in {@code raft1/raft_test.go}; same names,
 * same scenarios, same numbers and messages.
 */
@Tag("3B")
class RaftTest3B {

  @Test
  @Order(1)
  @Points(5)
  void testBasicAgree3B() {
    int servers = 3;
    RaftTester ts = RaftTester.makeTest(servers, true, false);
    ts.begin("Test (3B): basic agreement");

    int iters = 3;
    for (int index = 1; index < iters + 1; index++) {
      // Nothing may be committed before start() is called.
      if (ts.nCommitted(index).count() > 0) {
        throw ts.fatalf("some have committed before Start()");
      }
      int xindex = ts.one(index * 100, servers, false);
      if (xindex != index) {
        throw ts.fatalf("got index %d but expected %d", xindex, index);
      }
    }
  }

  /** Checks, by counting the bytes of RPCs, that each command is sent to each peer just once. */
  @Test
  @Order(2)
  @Points(5)
  void testRPCBytes3B() {
    int servers = 3;
    RaftTester ts = RaftTester.makeTest(servers, true, false);
    ts.begin("Test (3B): RPC byte count");

    ts.one(99, servers, false);
    long bytes0 = ts.bytesTotal();

    int iters = 10;
    long sent = 0;
    for (int index = 2; index < iters + 2; index++) {
      String cmd = ts.randstringSeeded(5000);
      int xindex = ts.one(cmd, servers, false);
      if (xindex != index) {
        throw ts.fatalf("got index %d but expected %d", xindex, index);
      }
      sent += cmd.length();
    }

    long got = ts.bytesTotal() - bytes0;
    long expected = servers * sent;
    if (got > expected + 50000) {
      throw ts.fatalf("too many RPC bytes; got %d, expected %d", got, expected);
    }
  }

  /** Tests just the failure of followers. */
  @Test
  @Order(3)
  @Points(5)
  void testFollowerFailure3B() {
    int servers = 3;
    RaftTester ts = RaftTester.makeTest(servers, true, false);
    ts.begin("Test (3B): test progressive failure of followers");

    ts.one(101, servers, false);

    // Disconnect one follower from the network.
    int leader1 = ts.checkOneLeader();
    ts.g.disconnectAll((leader1 + 1) % servers);

    // The leader and the remaining follower should be able to agree despite the disconnected
    // follower.
    ts.one(102, servers - 1, false);
    ts.sleep(RAFT_ELECTION_TIMEOUT);
    ts.one(103, servers - 1, false);

    // Disconnect the remaining follower.
    int leader2 = ts.checkOneLeader();
    ts.g.disconnectAll((leader2 + 1) % servers);
    ts.g.disconnectAll((leader2 + 2) % servers);

    // Submit a command.
    StartResult r = ts.raft(leader2).start(104);
    if (!r.isLeader()) {
      throw ts.fatalf("leader rejected Start()");
    }
    if (r.index() != 4) {
      throw ts.fatalf("expected index 4, got %d", r.index());
    }

    ts.sleep(2 * RAFT_ELECTION_TIMEOUT);

    // Check that command 104 did not commit.
    ts.checkNoAgreement(r.index());
  }

  /** Tests just the failure of leaders. */
  @Test
  @Order(4)
  @Points(5)
  void testLeaderFailure3B() {
    int servers = 3;
    RaftTester ts = RaftTester.makeTest(servers, true, false);
    ts.begin("Test (3B): test failure of leaders");

    ts.one(101, servers, false);

    // Disconnect the first leader.
    int leader1 = ts.checkOneLeader();
    ts.g.disconnectAll(leader1);

    // The remaining followers should elect a new leader.
    ts.one(102, servers - 1, false);
    ts.sleep(RAFT_ELECTION_TIMEOUT);
    ts.one(103, servers - 1, false);

    // Disconnect the new leader.
    int leader2 = ts.checkOneLeader();
    ts.g.disconnectAll(leader2);

    // Submit a command to each server.
    for (int i = 0; i < servers; i++) {
      ts.raft(i).start(104);
    }

    ts.sleep(2 * RAFT_ELECTION_TIMEOUT);

    // Check that command 104 did not commit.
    ts.checkNoAgreement(4);
  }

  /** Tests that a follower participates after disconnect and re-connect. */
  @Test
  @Order(5)
  @Points(5)
  void testFailAgree3B() {
    int servers = 3;
    RaftTester ts = RaftTester.makeTest(servers, true, false);
    ts.begin("Test (3B): agreement after follower reconnects");

    ts.one(101, servers, false);

    // Disconnect one follower from the network.
    int leader = ts.checkOneLeader();
    ts.g.disconnectAll((leader + 1) % servers);

    // The leader and the remaining follower should be able to agree despite the disconnected
    // follower.
    ts.one(102, servers - 1, false);
    ts.one(103, servers - 1, false);
    ts.sleep(RAFT_ELECTION_TIMEOUT);
    ts.one(104, servers - 1, false);
    ts.one(105, servers - 1, false);

    // Re-connect.
    ts.g.connectOne((leader + 1) % servers);

    // The full set of servers should preserve previous agreements, and be able to agree on new
    // commands.
    ts.one(106, servers, true);
    ts.sleep(RAFT_ELECTION_TIMEOUT);
    ts.one(107, servers, true);
  }

  @Test
  @Order(6)
  @Points(5)
  void testFailNoAgree3B() {
    int servers = 5;
    RaftTester ts = RaftTester.makeTest(servers, true, false);
    ts.begin("Test (3B): no agreement if too many followers disconnect");

    ts.one(10, servers, false);

    // 3 of 5 followers disconnect.
    int leader = ts.checkOneLeader();
    ts.g.disconnectAll((leader + 1) % servers);
    ts.g.disconnectAll((leader + 2) % servers);
    ts.g.disconnectAll((leader + 3) % servers);

    StartResult r = ts.raft(leader).start(20);
    if (!r.isLeader()) {
      throw ts.fatalf("leader rejected Start()");
    }
    if (r.index() != 2) {
      throw ts.fatalf("expected index 2, got %d", r.index());
    }

    ts.sleep(2 * RAFT_ELECTION_TIMEOUT);

    int n = ts.nCommitted(r.index()).count();
    if (n > 0) {
      throw ts.fatalf("%d committed but no majority", n);
    }

    // Repair.
    ts.g.connectOne((leader + 1) % servers);
    ts.g.connectOne((leader + 2) % servers);
    ts.g.connectOne((leader + 3) % servers);

    // The disconnected majority may have chosen a leader from among their own ranks, forgetting
    // index 2.
    int leader2 = ts.checkOneLeader();
    StartResult r2 = ts.raft(leader2).start(30);
    if (!r2.isLeader()) {
      throw ts.fatalf("leader2 rejected Start()");
    }
    if (r2.index() < 2 || r2.index() > 3) {
      throw ts.fatalf("unexpected index %d", r2.index());
    }

    ts.one(1000, servers, true);
  }

  @Test
  @Order(7)
  @Points(5)
  void testConcurrentStarts3B() throws InterruptedException {
    int servers = 3;
    RaftTester ts = RaftTester.makeTest(servers, true, false);
    ts.begin("Test (3B): concurrent Start()s");

    boolean success = false;
    loop:
    for (int attempt = 0; attempt < 5; attempt++) {
      if (attempt > 0) {
        // Give the solution some time to settle.
        ts.sleep(3000);
      }

      int leader = ts.checkOneLeader();
      StartResult r = ts.raft(leader).start(1);
      if (!r.isLeader()) {
        continue; // the leader moved on really quickly
      }
      int term = r.term();

      // Five threads call start() at once.
      int iters = 5;
      ConcurrentLinkedQueue<Integer> is = new ConcurrentLinkedQueue<>();
      List<Thread> threads = new ArrayList<>();
      for (int ii = 0; ii < iters; ii++) {
        int i = ii;
        Thread t =
            new Thread(
                () -> {
                  StartResult r1 = ts.raft(leader).start(100 + i);
                  if (r1.term() == term && r1.isLeader()) {
                    is.add(r1.index());
                  }
                },
                "tester-concurrent-start-" + i);
        t.start();
        threads.add(t);
      }
      for (Thread t : threads) {
        t.join();
      }

      for (int j = 0; j < servers; j++) {
        if (ts.raft(j).getState().term() != term) {
          continue loop; // term changed: can't expect all the starts to succeed
        }
      }

      List<Integer> cmds = new ArrayList<>();
      for (int index : is) {
        Object cmd = ts.waitCommitted(index, servers, term);
        if (!(cmd instanceof Integer ix)) {
          throw ts.fatalf("value %s is not an int", cmd);
        }
        if (ix == -1) {
          // Peers have moved on to later terms, so we can't expect all starts to have
          // succeeded.
          continue loop;
        }
        cmds.add(ix);
      }

      for (int ii = 0; ii < iters; ii++) {
        int x = 100 + ii;
        if (!cmds.contains(x)) {
          throw ts.fatalf("cmd %d missing in %s", x, cmds);
        }
      }

      success = true;
      break;
    }

    if (!success) {
      throw ts.fatalf("term changed too often");
    }
  }

  @Test
  @Order(8)
  @Points(5)
  void testRejoin3B() {
    int servers = 3;
    RaftTester ts = RaftTester.makeTest(servers, true, false);
    ts.begin("Test (3B): rejoin of partitioned leader");

    ts.one(101, servers, true);

    // Leader network failure.
    int leader1 = ts.checkOneLeader();
    ts.g.disconnectAll(leader1);

    // Make the old leader try to agree on some entries.
    ts.raft(leader1).start(102);
    ts.raft(leader1).start(103);
    ts.raft(leader1).start(104);

    // The new leader commits, also for index 2.
    ts.one(103, 2, true);

    // New leader network failure.
    int leader2 = ts.checkOneLeader();
    ts.g.disconnectAll(leader2);

    // Old leader connected again.
    ts.g.connectOne(leader1);

    ts.one(104, 2, true);

    // All together now.
    ts.g.connectOne(leader2);

    ts.one(105, servers, true);
  }

  @Test
  @Order(9)
  @Points(5)
  void testBackup3B() {
    int servers = 5;
    RaftTester ts = RaftTester.makeTest(servers, true, false);
    ts.begin("Test (3B): leader backs up quickly over incorrect follower logs");

    ts.one(ts.rand.nextInt(Integer.MAX_VALUE), servers, true);

    // Put the leader and one follower in a partition.
    int leader1 = ts.checkOneLeader();
    ts.g.disconnectAll((leader1 + 2) % servers);
    ts.g.disconnectAll((leader1 + 3) % servers);
    ts.g.disconnectAll((leader1 + 4) % servers);

    // Submit lots of commands that won't commit.
    for (int i = 0; i < 50; i++) {
      ts.raft(leader1).start(ts.rand.nextInt(Integer.MAX_VALUE));
    }

    ts.sleep(RAFT_ELECTION_TIMEOUT / 2);

    ts.g.disconnectAll((leader1 + 0) % servers);
    ts.g.disconnectAll((leader1 + 1) % servers);

    // Allow the other partition to recover.
    ts.g.connectOne((leader1 + 2) % servers);
    ts.g.connectOne((leader1 + 3) % servers);
    ts.g.connectOne((leader1 + 4) % servers);

    // Lots of successful commands to the new group.
    for (int i = 0; i < 50; i++) {
      ts.one(ts.rand.nextInt(Integer.MAX_VALUE), 3, true);
    }

    // Now another partitioned leader and one follower.
    int leader2 = ts.checkOneLeader();
    int other = (leader1 + 2) % servers;
    if (leader2 == other) {
      other = (leader2 + 1) % servers;
    }
    ts.g.disconnectAll(other);

    // Lots more commands that won't commit.
    for (int i = 0; i < 50; i++) {
      ts.raft(leader2).start(ts.rand.nextInt(Integer.MAX_VALUE));
    }

    ts.sleep(RAFT_ELECTION_TIMEOUT / 2);

    // Bring the original leader back to life.
    for (int i = 0; i < servers; i++) {
      ts.g.disconnectAll(i);
    }
    ts.g.connectOne((leader1 + 0) % servers);
    ts.g.connectOne((leader1 + 1) % servers);
    ts.g.connectOne(other);

    // Lots of successful commands to the new group.
    for (int i = 0; i < 50; i++) {
      ts.one(ts.rand.nextInt(Integer.MAX_VALUE), 3, true);
    }

    // Now everyone.
    for (int i = 0; i < servers; i++) {
      ts.g.connectOne(i);
    }
    ts.one(ts.rand.nextInt(Integer.MAX_VALUE), servers, true);
  }

  @Test
  @Order(10)
  @Points(5)
  void testCount3B() {
    int servers = 3;
    RaftTester ts = RaftTester.makeTest(servers, true, false);
    ts.begin("Test (3B): RPC counts aren't too high");

    int leader = ts.checkOneLeader();

    int total1 = rpcs(ts, servers);
    if (total1 > 30 || total1 < 1) {
      throw ts.fatalf("too many or few RPCs (%d) to elect initial leader", total1);
    }

    int total2 = 0;
    boolean success = false;
    loop:
    for (int attempt = 0; attempt < 5; attempt++) {
      if (attempt > 0) {
        // Give the solution some time to settle.
        ts.sleep(3000);
      }

      leader = ts.checkOneLeader();
      total1 = rpcs(ts, servers);

      int iters = 10;
      StartResult r = ts.raft(leader).start(1);
      if (!r.isLeader()) {
        continue; // the leader moved on really quickly
      }
      int starti = r.index();
      int term = r.term();

      List<Integer> cmds = new ArrayList<>();
      for (int i = 1; i < iters + 2; i++) {
        int x = ts.rand.nextInt(Integer.MAX_VALUE);
        cmds.add(x);
        StartResult r1 = ts.raft(leader).start(x);
        if (r1.term() != term || !r1.isLeader()) {
          continue loop; // the term changed while starting
        }
        if (starti + i != r1.index()) {
          throw ts.fatalf("Start() failed");
        }
      }

      for (int i = 1; i < iters + 1; i++) {
        Object cmd = ts.waitCommitted(starti + i, servers, term);
        if (!(cmd instanceof Integer ix) || ix != (int) cmds.get(i - 1)) {
          if (cmd instanceof Integer ix && ix == -1) {
            continue loop; // the term changed: try again
          }
          throw ts.fatalf(
              "wrong value %s committed for index %d; expected %s", cmd, starti + i, cmds);
        }
      }

      boolean failed = false;
      total2 = 0;
      for (int j = 0; j < servers; j++) {
        if (ts.raft(j).getState().term() != term) {
          // The term changed: can't expect low RPC counts; keep going to update total2.
          failed = true;
        }
        total2 += ts.g.rpcCount(j);
      }
      if (failed) {
        continue;
      }

      if (total2 - total1 > (iters + 1 + 3) * 3) {
        throw ts.fatalf("too many RPCs (%d) for %d entries", total2 - total1, iters);
      }

      success = true;
      break;
    }

    if (!success) {
      throw ts.fatalf("term changed too often");
    }

    ts.sleep(RAFT_ELECTION_TIMEOUT);

    int total3 = rpcs(ts, servers);
    if (total3 - total2 > 3 * 20) {
      throw ts.fatalf("too many RPCs (%d) for 1 second of idleness", total3 - total2);
    }
  }

  /**
   * A follower commits only entries that the leader's request vouched for (Figure 2, AppendEntries
   * receiver rule 5: commitIndex = min(leaderCommit, index of the last new entry); section 5.3), a
   * raftlab addition. A follower whose log matches the leader's at prevLogIndex may still hold
   * stale entries after it, from an old term, that the request does not cover: if it commits up to
   * the end of its own log, it applies entries that were never committed (the "last new entry"
   * pitfall of the Students' Guide). Here a cut-off leader appends three entries nobody else gets,
   * the two others commit three different ones at the same indexes in a later term, and the old
   * leader comes back while the new leader's commit index is past its stale entries. It must
   * replace them, not apply them. (Go's tests reach this only by chance; with a leader whose
   * heartbeats carry no entries, it happens here every time.)
   */
  @Test
  @Order(11)
  @Points(5)
  void testFollowerCommitsOnlyVouched3B() {
    int servers = 3;
    RaftTester ts = RaftTester.makeTest(servers, true, false);
    ts.begin("Test (3B): a follower commits only what the leader vouched for (raftlab)");

    ts.one(101, servers, true);

    // The leader is cut off and appends three entries that nobody else gets: its stale entries.
    int old =
        ts.cutOffLeaderUntilStart(ts::checkOneLeader, ts.g::disconnectAll, ts.g::connectOne, 201)
            .leader();
    ts.raft(old).start(202);
    ts.raft(old).start(203);

    // The other two elect a leader of a later term and commit three entries of their own at the
    // same indexes: its commit index is now past the old leader's stale entries.
    ts.one(301, servers - 1, true);
    ts.one(302, servers - 1, true);
    int last = ts.one(303, servers - 1, true);

    // The old leader comes back, first able to receive only: it hears the new leader (whose
    // requests may start before its stale entries) before it can disturb anyone with its old
    // term. It must not apply 201, 202 or 203; the applier reports an apply error if it does.
    for (int s = 0; s < servers; s++) {
      if (s != old) {
        ts.g.connectLink(s, old);
      }
    }
    ts.sleep(RAFT_ELECTION_TIMEOUT);
    for (int index = 2; index <= last; index++) {
      Object cmd = ts.nCommitted(index).cmd();
      if (cmd instanceof Integer v && v / 100 == 2) {
        throw ts.fatalf(
            "index %d holds %s, an entry of the old leader that was never committed:"
                + " a follower may commit only up to the last entry the leader's request covered,"
                + " min(leaderCommit, index of last new entry), not up to the end of its own log",
            index, cmd);
      }
    }

    // All together again, everyone agrees.
    ts.g.connectAll();
    ts.one(401, servers, true);
  }

  private static int rpcs(RaftTester ts, int servers) {
    int n = 0;
    for (int j = 0; j < servers; j++) {
      n += ts.g.rpcCount(j);
    }
    return n;
  }

  /**
   * A deposed leader's AppendEntries do not reset anyone's election timer (Figure 2, AppendEntries
   * receiver rule 1: reply false if term &lt; currentTerm; the Students' Guide: reset the timer
   * only on AppendEntries from the <em>current</em> leader), a raftlab addition. The leader is cut
   * off and the others elect a new one in a later term; then the old leader's requests reach the
   * others again, but nothing comes back to it (the network holds its replies), so it goes on
   * sending heartbeats of its old term, ten a second. The new leader is cut off too: the three left
   * must elect a leader and commit. Followers that reset their timer on the stale heartbeats never
   * time out, and nobody is elected. (Go's tests never keep a stale leader talking that long.)
   */
  @Test
  @Order(12)
  @Points(5)
  void testStaleLeaderHoldsNoElection3B() {
    int servers = 5;
    RaftTester ts = RaftTester.makeTest(servers, true, false);
    ts.begin("Test (3B): a deposed leader does not hold off elections (raftlab)");

    ts.one(101, servers, false);
    for (int round = 0; round < 2; round++) {
      // The leader of term t is cut off; the four others elect a new leader in a later term.
      int old = ts.checkOneLeader();
      int t = ts.raft(old).getState().term();
      ts.g.disconnectAll(old);
      int[] others = new int[servers - 1];
      for (int i = 1; i < servers; i++) {
        others[i - 1] = (old + i) % servers;
      }
      int fresh = ts.checkLeaderAmong(others, t);
      int t2 = ts.raft(fresh).getState().term();

      // The old leader, still leader of t in its own eyes, can send again but never hears back.
      for (int x : others) {
        ts.g.holdReplies(old, x, true);
        ts.g.connectLink(old, x);
      }
      // The new leader goes away: the three left must elect one of themselves.
      ts.g.disconnectAll(fresh);
      int[] three = new int[3];
      int k = 0;
      for (int x : others) {
        if (x != fresh) {
          three[k++] = x;
        }
      }
      int leader = -1;
      for (int iters = 0; iters < 10 && leader == -1; iters++) {
        ts.sleep(450 + ts.rand.nextInt(100));
        for (int x : three) {
          State st = ts.raft(x).getState();
          if (st.isLeader() && st.term() > t2) {
            leader = x;
          }
        }
      }
      if (leader == -1) {
        throw ts.fatalf(
            "servers %d, %d and %d elected no leader in 5 s while server %d, deposed, kept"
                + " sending AppendEntries of its old term %d: a follower must reset its election"
                + " timer only on AppendEntries from the current leader, not on a stale leader's",
            three[0], three[1], three[2], old, t);
      }
      ts.oneAmong(three, 102 + round, 3);

      // All together again: the held replies arrive, and the old leader steps down.
      for (int x : others) {
        ts.g.holdReplies(old, x, false);
      }
      ts.g.connectAll();
      ts.one(110 + round, servers, true);
    }
  }

  /**
   * A RequestVote that must be refused does not reset anyone's election timer (the Students' Guide:
   * reset the timer only on AppendEntries from the current leader, on starting an election, or on
   * <em>granting</em> a vote), a raftlab addition. A follower is cut off while the others commit an
   * entry, so its log is behind theirs and it can never win; cut off, it keeps timing out and
   * asking for votes in ever higher terms. The network then delivers one of its RequestVotes, of a
   * term above the others', to them again and again, every 50 ms, as a network that duplicates and
   * long delays requests may: the first copy's higher term deposes the leader, as it must, and the
   * two left must elect a leader while the copies keep coming. Followers that reset their timer on
   * every RequestVote, granted or not, never time out, and nobody is elected. Two rounds.
   */
  @Test
  @Order(13)
  @Points(5)
  void testStaleCandidateHoldsNoElection3B() {
    final int servers = 3;
    final int copyEveryMs = 50;
    RaftTester ts = RaftTester.makeTest(servers, true, false);
    ts.begin("Test (3B): a candidate with a stale log does not hold off elections (raftlab)");

    ts.one(101, servers, false);
    for (int round = 0; round < 2; round++) {
      // A follower is cut off, and the others commit an entry it does not have.
      int leader = ts.checkOneLeader();
      int stale = (leader + 1 + round) % servers; // a follower
      int[] two = new int[servers - 1];
      int k = 0;
      for (int i = 0; i < servers; i++) {
        if (i != stale) {
          two[k++] = i;
        }
      }
      ts.g.disconnectAll(stale);
      ts.oneAmong(two, 102 + round, servers - 1);

      // Cut off, it keeps asking for votes, in terms above the others'.
      for (int j : two) {
        ts.g.recordRequests(stale, j, "Raft.requestVote");
      }
      int theirs = Math.max(ts.raft(two[0]).getState().term(), ts.raft(two[1]).getState().term());
      waitForTermAbove(ts, stale, theirs);
      ts.sleep(100); // its requests of that term are sent, so recorded
      for (int j : two) {
        ts.g.recordRequests(
            stale, j, null); // the request repeated is this one, whatever comes next
      }

      // Its newest RequestVote now arrives again and again.
      AtomicBoolean stop = new AtomicBoolean();
      int from = stale;
      Thread copies =
          ts.go(
              "copies-of-" + stale + "-requestVote",
              () -> {
                while (!stop.get()) {
                  for (int j : two) {
                    ts.g.deliverAgain(from, j);
                  }
                  ts.sleep(copyEveryMs);
                }
              });
      ts.events()
          .tester(
              "server "
                  + stale
                  + "'s newest RequestVote arrives again every "
                  + copyEveryMs
                  + " ms");

      // The first copy's higher term deposes the leader; the two must elect a new one.
      int staleTerm = ts.raft(stale).getState().term();
      int elected = -1;
      for (int iters = 0; iters < 10 && elected == -1; iters++) {
        ts.sleep(450 + ts.rand.nextInt(100));
        for (int x : two) {
          State st = ts.raft(x).getState();
          if (st.isLeader() && st.term() > theirs) {
            elected = x;
          }
        }
      }
      if (elected == -1) {
        throw ts.fatalf(
            "servers %d and %d elected no leader in 5 s while server %d's RequestVote (term about"
                + " %d, its log behind theirs, so they must refuse it) arrived every %d ms: a"
                + " follower must reset its election timer only when it grants a vote, starts an"
                + " election or hears the current leader, not on every RequestVote",
            two[0], two[1], stale, staleTerm, copyEveryMs);
      }
      ts.oneAmong(two, 104 + round, servers - 1);

      // The copies stop, and everyone is together again.
      stop.set(true);
      ts.join(List.of(copies));
      ts.g.connectAll();
      ts.one(110 + round, servers, true);
    }
  }

  /** Waits (up to 10 s) until server {@code i}, cut off, has reached a term above {@code term}. */
  private static void waitForTermAbove(RaftTester ts, int i, int term) {
    for (int waited = 0; ts.raft(i).getState().term() <= term; waited += 50) {
      if (waited >= 10_000) {
        throw ts.fatalf(
            "server %d, cut off, stayed at term %d for 10 s: a follower that hears no leader"
                + " must time out and start an election",
            i, ts.raft(i).getState().term());
      }
      ts.sleep(50);
    }
  }
}
