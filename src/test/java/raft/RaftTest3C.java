package raft;

import static raft.RaftTester.RAFT_ELECTION_TIMEOUT;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import raftapi.Raft.StartResult;
import tester.Points;

/**
 * Lab 3C: persistence. The Java port of the 3C tests in {@code raft1/raft_test.go}. As in 2025, a
 * crash is {@code g.shutdownServer(i)} and a restart is {@code ts.restart(i)}, which reconnects
 * every server.
 */
@Tag("3C")
class RaftTest3C {

  @Test
  @Order(1)
  @Points(5)
  void testPersist13C() {
    int servers = 3;
    RaftTester ts = RaftTester.makeTest(servers, true, false);
    ts.begin("Test (3C): basic persistence");

    ts.one(11, servers, true);

    // Crash and restart all.
    ts.g.shutdown();
    ts.g.startServers();

    ts.one(12, servers, true);

    int leader1 = ts.checkOneLeader();
    ts.g.shutdownServer(leader1);
    ts.restart(leader1);

    ts.one(13, servers, true);

    int leader2 = ts.checkOneLeader();
    ts.g.shutdownServer(leader2);

    ts.one(14, servers - 1, true);

    ts.restart(leader2);

    ts.waitCommitted(4, servers, -1); // wait for leader2 to join before killing i3

    int i3 = (ts.checkOneLeader() + 1) % servers;
    ts.g.shutdownServer(i3);

    ts.one(15, servers - 1, true);

    ts.restart(i3);

    ts.one(16, servers, true);
  }

  @Test
  @Order(2)
  @Points(5)
  void testPersist23C() {
    int servers = 5;
    RaftTester ts = RaftTester.makeTest(servers, true, false);
    ts.begin("Test (3C): more persistence");

    int index = 1;
    for (int iters = 0; iters < 5; iters++) {
      ts.one(10 + index, servers, true);
      index++;

      int leader1 = ts.checkOneLeader();

      ts.g.shutdownServer((leader1 + 1) % servers);
      ts.g.shutdownServer((leader1 + 2) % servers);

      ts.one(10 + index, servers - 2, true);
      index++;

      ts.g.shutdownServer((leader1 + 0) % servers);
      ts.g.shutdownServer((leader1 + 3) % servers);
      ts.g.shutdownServer((leader1 + 4) % servers);

      ts.restart((leader1 + 1) % servers);
      ts.restart((leader1 + 2) % servers);

      ts.sleep(RAFT_ELECTION_TIMEOUT);

      ts.restart((leader1 + 3) % servers);

      ts.one(10 + index, servers - 2, true);
      index++;

      ts.restart((leader1 + 4) % servers);
      ts.restart((leader1 + 0) % servers);
    }

    ts.one(1000, servers, true);
  }

  @Test
  @Order(3)
  @Points(5)
  void testPersist33C() {
    int servers = 3;
    RaftTester ts = RaftTester.makeTest(servers, true, false);
    ts.begin("Test (3C): partitioned leader and one follower crash, leader restarts");

    ts.one(101, 3, true);

    int leader = ts.checkOneLeader();
    ts.g.disconnectAll((leader + 2) % servers);

    ts.one(102, 2, true);

    ts.g.shutdownServer((leader + 0) % servers);
    ts.g.shutdownServer((leader + 1) % servers);
    ts.g.connectOne((leader + 2) % servers);
    ts.restart((leader + 0) % servers);

    ts.one(103, 2, true);

    ts.restart((leader + 1) % servers);

    ts.one(104, servers, true);
  }

  /**
   * The scenarios of Figure 8 of the extended Raft paper. Each iteration asks a leader, if there is
   * one, to insert a command in the log. If there is a leader, it fails quickly with a high
   * probability (perhaps without committing the command), or crashes after a while with low
   * probability (most likely committing the command). If too few servers are alive to form a
   * majority, perhaps start a new one. A leader in a new term may try to finish replicating log
   * entries that haven't been committed yet.
   */
  @Test
  @Order(4)
  @Points(5)
  void testFigure83C() {
    int servers = 5;
    RaftTester ts = RaftTester.makeTest(servers, true, false);
    ts.begin("Test (3C): Figure 8");

    ts.one(ts.rand.nextInt(Integer.MAX_VALUE), 1, true);

    int nup = servers;
    for (int iters = 0; iters < 1000; iters++) {
      int leader = -1;
      for (int i = 0; i < servers; i++) {
        raftapi.Raft rf = ts.raft(i);
        if (rf != null && rf.start(ts.rand.nextInt(Integer.MAX_VALUE)).isLeader()) {
          leader = i;
        }
      }

      if (ts.rand.nextInt(1000) < 100) {
        ts.sleep(ts.rand.nextInt(RAFT_ELECTION_TIMEOUT / 2));
      } else {
        ts.sleep(ts.rand.nextInt(13));
      }

      if (leader != -1) {
        ts.g.shutdownServer(leader);
        nup -= 1;
      }

      if (nup < 3) {
        int s = ts.rand.nextInt(servers);
        if (ts.raft(s) == null) {
          ts.restart(s);
          nup += 1;
        }
      }
    }

    for (int i = 0; i < servers; i++) {
      if (ts.raft(i) == null) {
        ts.restart(i);
      }
    }

    ts.one(ts.rand.nextInt(Integer.MAX_VALUE), servers, true);
  }

  @Test
  @Order(5)
  @Points(5)
  void testUnreliableAgree3C() throws InterruptedException {
    int servers = 5;
    RaftTester ts = RaftTester.makeTest(servers, false, false);
    ts.begin("Test (3C): unreliable agreement");

    List<Thread> threads = new ArrayList<>();
    for (int iters = 1; iters < 50; iters++) {
      for (int j = 0; j < 4; j++) {
        int cmd = 100 * iters + j;
        threads.add(ts.go("one-" + cmd, () -> ts.one(cmd, 1, true)));
      }
      ts.one(iters, 1, true);
    }

    ts.setReliable(true);

    ts.join(threads);

    ts.one(100, servers, true);
  }

  @Test
  @Order(6)
  @Points(5)
  void testFigure8Unreliable3C() {
    int servers = 5;
    RaftTester ts = RaftTester.makeTest(servers, false, false);
    ts.begin("Test (3C): Figure 8 (unreliable)");

    ts.one(ts.rand.nextInt(10000), 1, true);

    int nup = servers;
    for (int iters = 0; iters < 1000; iters++) {
      if (iters == 200) {
        ts.setLongReordering(true);
      }
      int leader = -1;
      for (int i = 0; i < servers; i++) {
        boolean ok = ts.raft(i).start(ts.rand.nextInt(10000)).isLeader();
        if (ok && ts.g.isConnected(i)) {
          leader = i;
        }
      }

      if (ts.rand.nextInt(1000) < 100) {
        ts.sleep(ts.rand.nextInt(RAFT_ELECTION_TIMEOUT / 2));
      } else {
        ts.sleep(ts.rand.nextInt(13));
      }

      if (leader != -1 && ts.rand.nextInt(1000) < RAFT_ELECTION_TIMEOUT / 2) {
        ts.g.disconnectAll(leader);
        nup -= 1;
      }

      if (nup < 3) {
        int s = ts.rand.nextInt(servers);
        if (!ts.g.isConnected(s)) {
          ts.g.connectOne(s);
          nup += 1;
        }
      }
    }

    for (int i = 0; i < servers; i++) {
      if (!ts.g.isConnected(i)) {
        ts.g.connectOne(i);
      }
    }

    ts.one(ts.rand.nextInt(10000), servers, true);
  }

  @Test
  @Order(7)
  @Points(5)
  void testReliableChurn3C() throws InterruptedException {
    internalChurn(true);
  }

  @Test
  @Order(8)
  @Points(5)
  void testUnreliableChurn3C() throws InterruptedException {
    internalChurn(false);
  }

  private static void internalChurn(boolean reliable) throws InterruptedException {
    int servers = 5;
    RaftTester ts = RaftTester.makeTest(servers, reliable, false);
    if (ts.isReliable()) {
      ts.begin("Test (3C): churn");
    } else {
      ts.begin("Test (3C): unreliable churn");
    }

    AtomicBoolean stop = new AtomicBoolean();

    // Concurrent clients: each submits commands to whichever peer accepts them, and remembers
    // the ones it saw committed.
    int ncli = 3;
    List<List<Integer>> results = new ArrayList<>();
    List<Thread> clients = new ArrayList<>();
    for (int c = 0; c < ncli; c++) {
      int me = c;
      List<Integer> values = new ArrayList<>();
      results.add(values);
      clients.add(
          ts.go(
              "churn-client-" + me,
              () -> {
                while (!stop.get()) {
                  int x = ts.rand.nextInt(Integer.MAX_VALUE);
                  int index = -1;
                  boolean ok = false;
                  for (int i = 0; i < servers; i++) {
                    // Try them all, maybe one of them is a leader.
                    raftapi.Raft rf = ts.raft(i);
                    if (rf != null) {
                      StartResult r = rf.start(x);
                      if (r.isLeader()) {
                        ok = true;
                        index = r.index();
                      }
                    }
                  }
                  if (ok) {
                    // Maybe the leader will commit our value, maybe not; but don't wait forever.
                    for (int to : new int[] {10, 20, 50, 100, 200}) {
                      RaftTester.Committed c1 = ts.nCommitted(index);
                      if (c1.count() > 0) {
                        if (!(c1.cmd() instanceof Integer xx)) {
                          throw ts.fatalf("wrong command type");
                        }
                        if (xx == x) {
                          synchronized (values) {
                            values.add(x);
                          }
                        }
                        break;
                      }
                      ts.sleep(to);
                    }
                  } else {
                    ts.sleep(79 + me * 17);
                  }
                }
              }));
    }

    for (int iters = 0; iters < 20; iters++) {
      if (ts.rand.nextInt(1000) < 200) {
        int i = ts.rand.nextInt(servers);
        ts.g.disconnectAll(i);
      }

      if (ts.rand.nextInt(1000) < 500) {
        int i = ts.rand.nextInt(servers);
        if (ts.raft(i) == null) {
          ts.restart(i);
        }
        ts.g.connectOne(i);
      }

      if (ts.rand.nextInt(1000) < 200) {
        int i = ts.rand.nextInt(servers);
        if (ts.raft(i) != null) {
          ts.g.shutdownServer(i);
        }
      }

      // Make crash/restart infrequent enough that the peers can often keep up, but not so
      // infrequent that everything has settled down from one change to the next. Pick a value
      // smaller than the election timeout, but not hugely smaller.
      ts.sleep((RAFT_ELECTION_TIMEOUT * 7) / 10);
    }

    ts.sleep(RAFT_ELECTION_TIMEOUT);
    ts.setReliable(true);
    for (int i = 0; i < servers; i++) {
      if (ts.raft(i) == null) {
        ts.restart(i);
      }
      ts.g.connectOne(i);
    }

    stop.set(true);
    ts.join(clients); // a client that failed fails the test here ("client failed" in Go)
    List<Integer> values = new ArrayList<>();
    for (List<Integer> v : results) {
      synchronized (v) {
        values.addAll(v);
      }
    }

    ts.sleep(RAFT_ELECTION_TIMEOUT);

    int lastIndex = ts.one(ts.rand.nextInt(Integer.MAX_VALUE), servers, true);

    List<Integer> really = new ArrayList<>();
    for (int index = 1; index <= lastIndex; index++) {
      Object v = ts.waitCommitted(index, servers, -1);
      if (!(v instanceof Integer vi)) {
        throw ts.fatalf("not an int");
      }
      really.add(vi);
    }

    // Every value a client saw committed must still be in the log.
    for (int v1 : values) {
      if (!really.contains(v1)) {
        throw ts.fatalf("didn't find a value");
      }
    }
  }

  /**
   * Figure 8 of the Raft paper, step by step (a raftlab addition, not in the Go suite: Go's
   * randomized Figure 8 tests rarely catch a leader that commits an entry of an older term by
   * counting its replicas). Partitions steer every election, so each step happens every time.
   */
  @Test
  @Order(9)
  @Points(5)
  void testFigure8Scenario3C() {
    int servers = 5;
    RaftTester ts = RaftTester.makeTest(servers, true, false);
    ts.begin("Test (3C): Figure 8, step by step (raftlab)");

    // Everyone agrees on a first entry.
    ts.one(101, servers, true);

    // (a) The leader, s1, and the next server, s2, are cut off from the other three. s1, still the
    // leader of its term t1, appends 102 at index i102 and can send it to s2 only. (If s1 lost its
    // leadership just before the cut, the cut is undone and the next leader becomes s1. i102 is 2
    // unless one() had to submit 101 twice, on a busy machine.)
    RaftTester.CutOff a =
        ts.cutOffLeaderUntilStart(
            ts::checkOneLeader,
            l -> ts.g.partition(new int[] {l, (l + 1) % servers}, rest(l, servers)),
            l -> ts.g.connectAll(),
            102);
    int s1 = a.leader();
    int t1 = a.started().term();
    int s2 = (s1 + 1) % servers;
    int[] others = rest(s1, servers);
    int i102 = a.started().index();
    ts.sleep(RAFT_ELECTION_TIMEOUT / 2);

    // (b) The other three elect s5 in a later term t2; cut off alone, s5 appends 103, which nobody
    // else gets, at index i103 (i102, or below it if a second 101 reached only s1 and s2).
    RaftTester.CutOff b =
        ts.cutOffLeaderUntilStart(
            () -> ts.checkLeaderAmong(others, t1),
            ts.g::disconnectAll,
            l -> ts.g.partition(new int[] {s1, s2}, others),
            103);
    int s5 = b.leader();
    int t2 = b.started().term();
    int i103 = b.started().index();
    int[] s3s4 = Arrays.stream(others).filter(x -> x != s5).toArray();

    // (c) s1 rejoins s3 and s4 (s2 and s5 stay out). Only s1 can win (its log ends in 102, and
    // theirs before it), and it copies 102 to s3 and s4: now on a majority, but of an older term,
    // so it must not be committed: s5 could still win an election and overwrite it. (Leaving s2
    // out means no step depends on how soon s2 received 102 in (a).)
    int[] s1s3s4 = {s1, s3s4[0], s3s4[1]};
    ts.g.partition(s1s3s4, new int[] {s2, s5});
    ts.g.disconnectAll(s2);
    ts.g.disconnectAll(s5);
    int s1Again = ts.checkLeaderAmong(s1s3s4, t2);
    if (s1Again != s1) {
      throw ts.fatalf("server %d won an election though its log lacks 102", s1Again);
    }
    ts.sleep(RAFT_ELECTION_TIMEOUT);
    RaftTester.Committed c102 = ts.nCommitted(i102);
    if (c102.count() > 0) {
      throw ts.fatalf(
          "index %d (%s, term %d) was committed by counting replicas in a later term;"
              + " a leader may commit by counting only entries of its own term (Figure 8)",
          i102, c102.cmd(), t1);
    }

    // (d) s5 returns with s3 and s4; its log ends in a later term than theirs, so it wins and
    // replaces 102 with 103. Once 104, of s5's own term, commits, so does 103 at i103. (104 is
    // submitted until a leader among them accepts it: a busy machine can cost s5 its leadership for
    // a term, which it then wins back.)
    int[] s5s3s4 = {s5, s3s4[0], s3s4[1]};
    ts.g.partition(s5s3s4, new int[] {s1, s2});
    int s5Again = ts.checkLeaderAmong(s5s3s4, t2);
    if (s5Again != s5) {
      throw ts.fatalf(
          "server %d won an election though server %d's log is more up to date", s5Again, s5);
    }
    ts.oneAmong(s5s3s4, 104, 3);
    if (!Integer.valueOf(103).equals(ts.nCommitted(i103).cmd())) {
      throw ts.fatalf("index %d holds %s; expected 103", i103, ts.nCommitted(i103).cmd());
    }

    // (e) All together again, everyone agrees.
    ts.g.connectAll();
    ts.one(105, servers, true);
  }

  /**
   * A leader ignores replies to AppendEntries it sent in an earlier term (Figure 2: matchIndex is
   * reinitialized after each election; section 5.3 and 5.4.2), a raftlab addition. Replies can
   * arrive arbitrarily late; one from a term in which this server was leader before says how far
   * the follower matched the log it had then, not the log it has now. Here leader A's replies from
   * follower P are held back by the network while A is cut off with P in term t1 and appends
   * 201-203; then A rejoins the others, whose leader C (term t2) replaces A's entries with 301 and
   * 302; A is elected again (its log is the only one holding 302) and appends 401 at an index P's
   * held replies cover, which only A and D hold. When the held replies arrive, a leader that counts
   * them sees three copies of 401 and commits it: Go's tests reach this only by chance, with long
   * reordering.
   */
  @Test
  @Order(10)
  @Points(5)
  void testOldTermRepliesIgnored3C() {
    int servers = 5;
    RaftTester ts = RaftTester.makeTest(servers, true, false);
    ts.begin("Test (3C): replies from an earlier term are ignored (raftlab)");

    ts.one(101, servers, true);

    // Term t1: leader A is cut off with P alone; P's replies to A are held back. A appends three
    // entries (indexes 2-4); P stores them and acknowledges, but A hears nothing (and could not
    // commit them anyway).
    RaftTester.CutOff cutOff =
        ts.cutOffLeaderUntilStart(
            ts::checkOneLeader,
            leader -> {
              ts.g.partition(new int[] {leader, (leader + 1) % servers}, rest(leader, servers));
              ts.g.holdReplies(leader, (leader + 1) % servers, true);
            },
            leader -> {
              ts.g.holdReplies(leader, (leader + 1) % servers, false);
              ts.g.connectAll();
            },
            201);
    int a = cutOff.leader();
    int t1 = cutOff.started().term();
    int p = (a + 1) % servers;
    int[] cde = rest(a, servers);
    ts.raft(a).start(202);
    ts.raft(a).start(203);
    ts.sleep(RAFT_ELECTION_TIMEOUT / 2);

    // Term t2: the other three elect C and commit 301, at the index of 201.
    int i301 = ts.oneAmong(cde, 301, 3);
    int c = ts.checkLeaderAmong(cde, t1);
    int t2 = ts.raft(c).getState().term();

    // A rejoins them (P stays alone): C's requests replace A's entries with 301.
    int[] acde = {a, cde[0], cde[1], cde[2]};
    ts.g.partition(acde, new int[] {p});
    ts.waitCommitted(i301, 4, -1);

    // C appends 302 and sends it to A only, then is cut off: A's log is now the most up to date
    // of the three left, so only A can win the next election.
    int[] de = Arrays.stream(cde).filter(x -> x != c).toArray();
    ts.g.disconnectLink(c, de[0]);
    ts.g.disconnectLink(c, de[1]);
    boolean steered = ts.raft(c).start(302).isLeader();
    ts.sleep(RAFT_ELECTION_TIMEOUT / 4);
    ts.g.disconnectAll(c);
    int leader = ts.checkLeaderAmong(new int[] {a, de[0], de[1]}, t2);
    steered = steered && leader == a;
    ts.events().tester(steered ? "A leads again" : "the scenario went another way: A lost");

    // A, leader again in a later term, is left with D only (E, C and P on the other side), and
    // appends 401 at index 4 (after 101, 301, 302), which P's held replies cover. Only A and D
    // hold 401, two of five: it must not be committed. Then the held replies from term t1 arrive.
    int d = de[0];
    ts.g.partition(new int[] {a, d}, new int[] {c, de[1], p});
    StartResult r401 = ts.raft(a).start(401);
    steered = steered && r401.isLeader();
    ts.sleep(RAFT_ELECTION_TIMEOUT / 2);
    ts.g.holdReplies(a, p, false);
    ts.sleep(RAFT_ELECTION_TIMEOUT / 2);
    if (steered) {
      RaftTester.Committed c401 = ts.nCommitted(r401.index());
      if (c401.count() > 0 && Integer.valueOf(401).equals(c401.cmd())) {
        throw ts.fatalf(
            "index %d (401) was committed though only servers %d and %d hold it:"
                + " leader %d counted replies to AppendEntries it sent as leader of term %d; a"
                + " leader must ignore replies to requests from an earlier term",
            r401.index(), a, d, a, t1);
      }
    }

    // All together again, everyone agrees.
    ts.g.connectAll();
    ts.one(501, servers, true);
  }

  /**
   * A vote is on stable storage before it is granted (Figure 2: "updated on stable storage before
   * responding to RPCs"), a raftlab addition. Go's tests crash servers at random moments, which
   * almost never fall between a reply and a {@code persist()} that comes after it. Here the links
   * are arranged as in {@link RaftTest3A#testOneVotePerTerm3A}: the leader of the moment becomes
   * the voter, which can only answer, and the two others can reach only the voter. The first of
   * them to time out asks for its vote in the next term; the voter grants it and crashes the
   * instant it has replied (the reply still arrives), and restarts at once from what it had
   * persisted. When the second one asks in the same term, a voter that forgot its vote grants it
   * again: two leaders of one term, which the tester's election-safety monitor reports.
   */
  @Test
  @Order(11)
  @Points(5)
  void testVoteSurvivesCrash3C() {
    int servers = 3;
    RaftTester ts = RaftTester.makeTest(servers, true, false);
    ts.begin("Test (3C): a vote survives a crash just after it is granted (raftlab)");

    for (int round = 0; round < 3; round++) {
      // The leader becomes the voter; the other two, a and b, the candidates.
      int voter = ts.checkOneLeader();
      int a = (voter + 1) % servers;
      int b = (voter + 2) % servers;
      ts.g.disconnectLink(voter, a);
      ts.g.disconnectLink(voter, b);
      ts.g.disconnectLink(a, b);
      ts.g.disconnectLink(b, a);

      // The first request the voter gets is a RequestVote of the next term, which it grants; it
      // crashes right after replying and restarts with the same links: it can only answer.
      CountDownLatch crashed =
          ts.g.crashAfterNextReply(
              voter,
              () -> {
                ts.g.startServer(voter);
                ts.g.connectOne(voter);
                ts.g.disconnectLink(voter, a);
                ts.g.disconnectLink(voter, b);
              });
      if (!crashed(ts, crashed, 2 * RAFT_ELECTION_TIMEOUT)) {
        throw ts.fatalf(
            "no candidate asked server %d for its vote within %d ms of losing its leader",
            voter, 2 * RAFT_ELECTION_TIMEOUT);
      }

      // The other candidate asks the restarted voter in the same term; elections churn for a
      // while, and each term must have at most one winner.
      ts.sleep(RAFT_ELECTION_TIMEOUT);
      ts.g.connectAll();
    }
    ts.checkOneLeader();
  }

  /**
   * An entry a follower acknowledged is on its stable storage (Figure 2: "updated on stable storage
   * before responding to RPCs"), a raftlab addition. The leader appends an entry while one follower
   * is cut off; the other follower stores it, replies, and crashes the instant it has replied (the
   * reply still arrives, so the leader commits the entry with it). The follower restarts at once,
   * away from the leader, with the server that never got the entry. A follower that forgot the
   * entry lets the two of them elect a leader without it and commit another command at its index:
   * the tester's apply check sees two commands committed at one index. With the entry remembered,
   * only that follower can win (its log is more up to date), and it keeps the entry.
   */
  @Test
  @Order(12)
  @Points(5)
  void testAckedEntrySurvivesCrash3C() {
    int servers = 3;
    RaftTester ts = RaftTester.makeTest(servers, true, false);
    ts.begin("Test (3C): an acknowledged entry survives a crash just after the reply (raftlab)");

    ts.one(101, servers, true);

    for (int round = 0; round < 2; round++) {
      int base = 200 + 100 * round;
      // The leader, with one follower f; the third server, x, is cut off and misses what follows.
      // The link from the leader to f is cut while the leader takes the entry, so that the first
      // request f gets afterwards carries it.
      RaftTester.CutOff cut =
          ts.cutOffLeaderUntilStart(
              ts::checkOneLeader,
              l -> {
                ts.g.disconnectAll((l + 2) % servers);
                ts.g.disconnectLink(l, (l + 1) % servers);
              },
              l -> ts.g.connectAll(),
              base + 1);
      int leader = cut.leader();
      int f = (leader + 1) % servers;
      int x = (leader + 2) % servers;
      int index = cut.started().index();

      // f stores the entry, replies, and crashes the instant it has replied; it restarts at once,
      // cut off from the leader, with x.
      CountDownLatch crashed =
          ts.g.crashAfterNextReply(
              f,
              () -> {
                ts.g.startServer(f);
                ts.g.partition(new int[] {leader}, new int[] {f, x});
              });
      ts.g.connectLink(leader, f);
      if (!crashed(ts, crashed, 2 * RAFT_ELECTION_TIMEOUT)) {
        throw ts.fatalf(
            "leader %d sent nothing to server %d within %d ms",
            leader, f, 2 * RAFT_ELECTION_TIMEOUT);
      }

      // f's reply lets the leader commit the entry (if it was the reply to the request that
      // carried it; a busy machine may have delivered an older heartbeat first).
      long t0 = System.nanoTime();
      while (ts.nCommitted(index).count() < 1 && System.nanoTime() - t0 < 2_000_000_000L) {
        ts.sleep(20);
      }
      ts.events()
          .tester(
              ts.nCommitted(index).count() > 0
                  ? "the leader committed the entry f acknowledged"
                  : "the leader did not commit the entry: the scenario went another way");

      // f and x elect a leader and commit a command of their own; it must come after the entry.
      ts.oneAmong(new int[] {f, x}, base + 2, 2);

      // All together again, everyone agrees.
      ts.g.connectAll();
      ts.one(base + 3, servers, true);
    }
  }

  /**
   * Waits up to {@code ms} for a crash set with {@code crashAfterNextReply} to be over (the server
   * crashed and restarted); false if it did not happen in time.
   */
  private static boolean crashed(RaftTester ts, CountDownLatch crash, long ms) {
    long deadline = System.nanoTime() + ms * 1_000_000L;
    while (crash.getCount() > 0) {
      if (System.nanoTime() >= deadline) {
        return false;
      }
      ts.sleep(10);
    }
    return true;
  }

  /** The three servers of five that are neither {@code leader} nor the one after it. */
  private static int[] rest(int leader, int servers) {
    return new int[] {(leader + 2) % servers, (leader + 3) % servers, (leader + 4) % servers};
  }
}
