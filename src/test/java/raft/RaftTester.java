package raft;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;
import java.util.stream.IntStream;
import labrpc.ClientEnd;
import raftapi.ApplyMsg;
import raftapi.Persister;
import raftapi.Raft.StartResult;
import raftapi.Raft.State;
import tester.Config;
import tester.ServerGrp;

/**
 * The Raft tester, the Java port of {@code raft1/test.go}: it runs {@code n} Raft peers on one
 * labrpc network (with long delays on, so a leader cannot wait for RPCs to dead peers), and gives
 * the tests their checkers, with the Go names, loop counts, sleeps and messages.
 *
 * <ul>
 *   <li>{@link #checkOneLeader()}: within about 5 s, exactly one leader among connected peers;
 *   <li>{@link #checkTerms()}: all connected peers agree on the term;
 *   <li>{@link #checkNoLeader()}: no connected peer thinks it is the leader;
 *   <li>{@link #nCommitted(int)}: how many peers applied an index, and that they agree;
 *   <li>{@link #one(Object, int, boolean)}: a complete agreement on a command within 10 s;
 *   <li>{@link #waitCommitted(int, int, int)}: at least n peers apply an index (Go's wait).
 * </ul>
 *
 * Peers are reached through {@code srvs[i].raft()}, a guarded view whose calls must return quickly.
 */
public class RaftTester extends Config {
  /** The tester generously allows solutions to complete elections in one second. */
  public static final int RAFT_ELECTION_TIMEOUT = 1000;

  /** The Go test's {@code ts.g}: the group of peers, to connect, disconnect, crash and restart. */
  final ServerGrp g;

  final int n;
  final RfSrv[] srvs;
  private final boolean snapshot;
  private volatile boolean finished;
  private int maxIndex;

  /** A result of {@link #nCommitted}: how many peers applied the index, and the command. */
  record Committed(int count, Object cmd) {}

  /** A result of {@link #checkLogs}: an error message or "", and whether index-1 was applied. */
  record CheckResult(String error, boolean prevOk) {}

  /** How the tester makes a peer: {@code Raft::make}, or a mock in the tester's own tests. */
  @FunctionalInterface
  interface RaftFactory {
    raftapi.Raft make(
        ClientEnd[] peers, int me, Persister persister, BlockingQueue<ApplyMsg> applyCh);
  }

  private final RaftFactory factory;

  /** Go's {@code makeTest(t, n, reliable, snapshot)}. */
  static RaftTester makeTest(int n, boolean reliable, boolean snapshot) {
    return new RaftTester(n, reliable, snapshot, Raft::make);
  }

  /** A tester whose peers come from {@code factory} (for the tester's own tests). */
  static RaftTester makeTest(int n, boolean reliable, boolean snapshot, RaftFactory factory) {
    return new RaftTester(n, reliable, snapshot, factory);
  }

  private RaftTester(int n, boolean reliable, boolean snapshot, RaftFactory factory) {
    this.n = n;
    this.srvs = new RfSrv[n];
    this.snapshot = snapshot;
    this.factory = factory;
    init(n, reliable, this::mksrv);
    this.g = group(GRP0);
    setLongDelays(true);
  }

  private List<Object> mksrv(ClientEnd[] ends, int gid, int srv, Persister persister) {
    RfSrv s = new RfSrv(this, srv, ends, persister, snapshot, factory);
    synchronized (this) {
      srvs[srv] = s;
    }
    return List.of(s, s.rawRaft());
  }

  /** Restarts peer {@code i} (shut down before) and reconnects every peer, as 2025 does. */
  void restart(int i) {
    g.startServer(i);
    g.connectAll();
  }

  @Override
  protected void cleanup() {
    finished = true;
    super.cleanup();
  }

  boolean checkFinished() {
    return finished;
  }

  private synchronized RfSrv srv(int i) {
    return srvs[i];
  }

  /** The Raft of peer {@code i} (guarded: its calls must return quickly), or null if down. */
  raftapi.Raft raft(int i) {
    return srv(i).raft();
  }

  // ---- checkers ------------------------------------------------------------------------------

  /** Checks that exactly one connected peer is leader, trying for about 5 s; returns it. */
  int checkOneLeader() {
    events().checking("checking for a single leader");
    for (int iters = 0; iters < 10; iters++) {
      int ms = 450 + rand.nextInt(100);
      sleep(ms);

      Map<Integer, List<Integer>> leaders = new HashMap<>();
      for (int i = 0; i < n; i++) {
        if (g.isConnected(i)) {
          State st = srv(i).getState();
          if (st.isLeader()) {
            leaders.computeIfAbsent(st.term(), k -> new ArrayList<>()).add(i);
          }
        }
      }

      int lastTermWithLeader = -1;
      for (Map.Entry<Integer, List<Integer>> e : leaders.entrySet()) {
        if (e.getValue().size() > 1) {
          throw fatalf("term %d has %d (>1) leaders", e.getKey(), e.getValue().size());
        }
        lastTermWithLeader = Math.max(lastTermWithLeader, e.getKey());
      }
      if (!leaders.isEmpty()) {
        int leader = leaders.get(lastTermWithLeader).get(0);
        events().checked("leader in term " + lastTermWithLeader + " = " + leader);
        return leader;
      }
    }
    throw fatalf("expected one leader, got none");
  }

  /**
   * Waits, as {@link #checkOneLeader()} does (about 5 s), for one of {@code group} to lead in a
   * term above {@code aboveTerm}; returns it. (A raftlab checker for tests that steer elections
   * with partitions: an old leader cut off elsewhere may still think it leads a lower term.)
   */
  int checkLeaderAmong(int[] group, int aboveTerm) {
    events()
        .tester(
            "checking for a leader among "
                + Arrays.toString(group)
                + " in a term above "
                + aboveTerm);
    for (int iters = 0; iters < 10; iters++) {
      sleep(450 + rand.nextInt(100));
      int leader = -1;
      int leaderTerm = aboveTerm;
      for (int i : group) {
        State st = srv(i).getState();
        if (st.isLeader() && st.term() > leaderTerm) {
          leader = i;
          leaderTerm = st.term();
        }
      }
      if (leader != -1) {
        events().tester("leader in term " + leaderTerm + " = " + leader);
        return leader;
      }
    }
    throw fatalf(
        "expected a leader among servers %s in a term above %d, got none",
        Arrays.toString(group), aboveTerm);
  }

  /** Checks that all connected peers agree on the term; returns it. */
  int checkTerms() {
    int term = -1;
    for (int i = 0; i < n; i++) {
      if (g.isConnected(i)) {
        int xterm = srv(i).getState().term();
        if (term == -1) {
          term = xterm;
        } else if (term != xterm) {
          throw fatalf("servers disagree on term");
        }
      }
    }
    events().tester("term agreed: " + term);
    return term;
  }

  /**
   * Records that peer {@code i} applied {@code m}, checking it against what the other peers applied
   * at that index. Called by the appliers.
   */
  synchronized CheckResult checkLogs(RfSrv applier, int i, ApplyMsg m) {
    String err = "";
    Object v = m.command();
    for (int j = 0; j < srvs.length; j++) {
      RfSrv rs = srvs[j];
      if (rs != null && rs.hasLog(m.commandIndex())) {
        Object old = rs.log(m.commandIndex());
        if (!Objects.equals(old, v)) {
          // Some server has already committed a different value for this entry!
          err =
              String.format(
                  "commit index=%d server=%d %s != server=%d %s", m.commandIndex(), i, v, j, old);
        }
      }
    }
    // Recorded by the instance whose Raft applied it, not by srvs[i]: a killed instance's applier
    // may still drain a message after a restart has put a fresh instance in srvs[i], and that
    // late message says nothing about the new instance's order.
    boolean prevOk = applier.record(m.commandIndex(), v);
    if (m.commandIndex() > maxIndex) {
      maxIndex = m.commandIndex();
    }
    return new CheckResult(err, prevOk);
  }

  /** Checks that no connected peer thinks it is the leader. */
  void checkNoLeader() {
    for (int i = 0; i < n; i++) {
      if (g.isConnected(i) && srv(i).getState().isLeader()) {
        throw fatalf("leader = %d", i);
      }
    }
    events().tester("no unexpected leader");
  }

  /** Checks that no peer applied {@code index}. */
  void checkNoAgreement(int index) {
    int count = nCommitted(index).count();
    if (count > 0) {
      throw fatalf("%d committed but no majority", count);
    }
  }

  /** How many peers think the entry at {@code index} is committed, and its command. */
  Committed nCommitted(int index) {
    checkFailure();
    synchronized (this) {
      int count = 0;
      Object cmd = null;
      for (RfSrv rs : srvs) {
        if (rs == null) {
          continue;
        }
        if (!rs.applyErr().isEmpty()) {
          throw fatalf("%s", rs.applyErr());
        }
        if (rs.hasLog(index)) {
          Object cmd1 = rs.log(index);
          if (count > 0 && !Objects.equals(cmd, cmd1)) {
            throw fatalf("committed values at index %d do not match (%s != %s)", index, cmd, cmd1);
          }
          count++;
          cmd = cmd1;
        }
      }
      return new Committed(count, cmd);
    }
  }

  /**
   * Does a complete agreement: finds the leader (it might pick the wrong peer first and have to
   * resubmit), submits {@code cmd}, and waits for at least {@code expectedServers} peers to apply
   * it. Gives up after about 10 s. With {@code retry}, the command may be submitted several times
   * in case a leader fails just after start(); without, it is submitted once, which keeps the early
   * Lab 3B tests simple. Returns the index.
   */
  int one(Object cmd, int expectedServers, boolean retry) {
    events()
        .checking(
            "checking agreement of "
                + abbreviate(cmd)
                + " by at least "
                + expectedServers
                + " servers "
                + (retry ? "with" : "without")
                + " retry");
    int index = agree(IntStream.range(0, n).toArray(), cmd, expectedServers, retry);
    if (index == -1 && !checkFinished()) {
      throw fatalf("one(%s) failed to reach agreement", cmd);
    }
    return index;
  }

  /**
   * {@link #one(Object, int, boolean)} with retry, submitting only to the servers of {@code group}
   * (a raftlab checker for tests that partition the peers: a stale leader cut off on the other side
   * would accept the command too, but could never commit it). Returns the index.
   */
  int oneAmong(int[] group, Object cmd, int expectedServers) {
    events()
        .checking(
            "checking agreement of "
                + abbreviate(cmd)
                + " by at least "
                + expectedServers
                + " servers, submitted to "
                + Arrays.toString(group));
    int index = agree(group, cmd, expectedServers, true);
    if (index == -1) {
      throw fatalf(
          "one(%s) failed to reach agreement among servers %s", cmd, Arrays.toString(group));
    }
    return index;
  }

  /**
   * The loop of {@link #one} (Go's {@code one}), over the connected servers of {@code group}:
   * returns the index at which {@code cmd} was agreed, or -1 after about 10 s or when the test has
   * finished. Fails at once if it was submitted without {@code retry} and did not commit.
   */
  private int agree(int[] group, Object cmd, int expectedServers, boolean retry) {
    long t0 = System.nanoTime();
    int starts = 0;
    while (System.nanoTime() - t0 < 10_000_000_000L && !checkFinished()) {
      // Try all the servers, maybe one is the leader.
      int index = -1;
      for (int si = 0; si < group.length; si++) {
        starts = (starts + 1) % group.length;
        int s = group[starts];
        raftapi.Raft rf = null;
        if (g.isConnected(s)) {
          rf = raft(s);
        }
        if (rf != null) {
          StartResult r = rf.start(cmd);
          if (r.isLeader()) {
            index = r.index();
            break;
          }
        }
      }

      if (index != -1) {
        // Somebody claimed to be the leader and to have submitted our command; wait a while for
        // agreement.
        long t1 = System.nanoTime();
        while (System.nanoTime() - t1 < 2_000_000_000L) {
          Committed c = nCommitted(index);
          if (c.count() > 0 && c.count() >= expectedServers && Objects.equals(c.cmd(), cmd)) {
            events().checked("agreement of " + abbreviate(cmd) + " reached at index " + index);
            return index;
          }
          sleep(20);
        }
        if (!retry) {
          throw fatalf("one(%s) failed to reach agreement", cmd);
        }
      } else {
        sleep(50);
      }
    }
    return -1;
  }

  /** A leader that the test cut off, and what its {@code start} returned when it accepted. */
  record CutOff(int leader, StartResult started) {}

  /**
   * Finds the leader ({@code findLeader}), cuts it off ({@code cut}) and gives it {@code cmd},
   * which it must accept as the leader: the first step of the tests that leave entries on a leader
   * nobody else hears. A busy machine can delay the leader's heartbeats long enough that a follower
   * starts an election between finding the leader and cutting it off; then {@code start} says "not
   * the leader", which is correct, so the cut is undone ({@code undo}) and the next leader is
   * tried, up to five times.
   */
  CutOff cutOffLeaderUntilStart(
      IntSupplier findLeader, IntConsumer cut, IntConsumer undo, Object cmd) {
    for (int attempt = 0; attempt < 5; attempt++) {
      int leader = findLeader.getAsInt();
      cut.accept(leader);
      StartResult r = raft(leader).start(cmd);
      if (r.isLeader()) {
        return new CutOff(leader, r);
      }
      events().tester("server " + leader + " lost its leadership just now; trying the next leader");
      undo.accept(leader);
    }
    throw fatalf("no leader accepted start() right after being found as the leader");
  }

  /**
   * Waits for at least {@code n} peers to apply {@code index}, but not forever (Go's wait). Returns
   * the command, or -1 if a peer's term went past {@code startTerm} (then nobody can be sure the
   * entry will commit).
   */
  Object waitCommitted(int index, int n, int startTerm) {
    long to = 10;
    for (int iters = 0; iters < 30; iters++) {
      if (nCommitted(index).count() >= n) {
        break;
      }
      sleep(to);
      if (to < 1000) {
        to *= 2;
      }
      if (startTerm > -1) {
        for (int i = 0; i < this.n; i++) {
          raftapi.Raft rf = raft(i);
          if (rf != null && rf.getState().term() > startTerm) {
            // Someone has moved on; we can no longer guarantee that we'll "win".
            return -1;
          }
        }
      }
    }
    Committed c = nCommitted(index);
    if (c.count() < n) {
      throw fatalf("only %d decided for index %d; wanted %d", c.count(), index, n);
    }
    return c.cmd();
  }

  /** The highest index any peer applied. */
  synchronized int maxIndex() {
    return maxIndex;
  }

  /** The largest Raft state a peer persisted, in bytes. */
  int logSize() {
    return g.logSize();
  }

  private static String abbreviate(Object cmd) {
    String s = String.valueOf(cmd);
    return s.length() <= 8 ? s : s.substring(0, 8);
  }
}
