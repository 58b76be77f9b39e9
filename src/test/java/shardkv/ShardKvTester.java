package shardkv;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import kvapi.IKVClerk;
import kvtest.KvTest;
import kvtest.TestClerk;
import labrpc.ClientEnd;
import raftapi.Persister;
import shardkv.client.Clerk;
import shardkv.shardcfg.ShardCfg;
import shardkv.shardcfg.ShardConfig;
import shardkv.shardctrler.ShardCtrler;
import shardkv.shardgrp.KVServer;
import tester.Clnt;
import tester.Guard;

/**
 * The Lab 5 tester, the Java port of {@code shardkv1/test.go}: group 0 is one Lab 2 key/value
 * server (your {@code kvsrv.KVServer}), in which the controller keeps the configuration; shard
 * groups of {@value #NSRV} servers each (your {@code shardgrp.KVServer} on your Rsm and Raft) are
 * made, joined, left and exited by the tests; clerks ({@code shardkv.client.Clerk}) each come with
 * a controller of their own.
 *
 * <ul>
 *   <li>{@link #setupKVService}: starts group {@link ShardCfg#GID1} and stores the first
 *       configuration through the controller's {@code initConfig};
 *   <li>{@link #join}, {@link #leave}, {@link #joinGroups}, {@link #leaveGroups}: a configuration
 *       change through the controller's {@code changeConfigTo}, as Go's;
 *   <li>{@link #checkShutdownSharding}: with one group down, some Gets must not finish (the data
 *       really is sharded) and those that do must return the right values;
 *   <li>{@link #partitionCtrler} (5B, 5C): a controller is cut off in the middle of a join or a
 *       leave, and a new one must finish what it left half done;
 *   <li>{@link #concurCtrler} (5C): several controllers change the configuration at once.
 * </ul>
 *
 * <p>A controller that a test cuts off and never reconnects (5B) is not left running into later
 * tests, as Go's goroutine is: its connection is closed when the test ends, so its next call ends
 * its thread (see {@code tester.Config.cleanup}).
 */
class ShardKvTester extends KvTest {
  /** The controller uses group 0, a Lab 2 key/value server (Go's Controler). */
  static final int CONTROLER = GRP0;

  /** Servers per shard group. */
  static final int NSRV = 3;

  /** Time in ms between group changes. */
  static final int INTERGRPDELAY = 200;

  private ShardCtrler sck;
  private final boolean partition;
  private final int maxraftstate;
  private int ngid = ShardCfg.GID1 + 1; // Gid1 is in use

  /** Go's {@code MakeTestMaxRaft}: starts group 0 and begins the test with {@code part}. */
  static ShardKvTester makeTestMaxRaft(
      String part, boolean reliable, boolean partition, int maxraftstate) {
    ShardKvTester ts = new ShardKvTester(reliable, partition, maxraftstate);
    ts.begin(part);
    return ts;
  }

  static ShardKvTester makeTest(String part, boolean reliable) {
    return makeTestMaxRaft(part, reliable, false, -1);
  }

  static ShardKvTester makeTestLeases(String part, boolean reliable) {
    return makeTestMaxRaft(part, reliable, true, -1);
  }

  private ShardKvTester(boolean reliable, boolean partition, int maxraftstate) {
    super(false);
    this.partition = partition;
    this.maxraftstate = maxraftstate;
    init(1, reliable, ShardKvTester::startKVServer);
  }

  private static List<Object> startKVServer(
      ClientEnd[] ends, int gid, int me, Persister persister) {
    return Guard.call(
        "kvsrv.KVServer.startKVServer(server " + me + ")",
        () -> kvsrv.KVServer.startKVServer(ends, gid, me, persister));
  }

  /** Starts server {@code me} of shard group {@code gid} (Go's StartServerShardGrp). */
  List<Object> startServerShardGrp(ClientEnd[] servers, int gid, int me, Persister persister) {
    return Guard.call(
        "KVServer.startServerShardGrp(group " + gid + ", server " + me + ")",
        () -> KVServer.startServerShardGrp(servers, gid, me, persister, maxraftstate));
  }

  /** A sharded clerk with a connection of its own and a controller of its own. */
  @Override
  public IKVClerk makeClerk() {
    Clnt clnt = makeClient();
    ShardCtrler ctrler = makeShardCtrler();
    return new TestClerk(Guard.call("Clerk.make", () -> Clerk.make(clnt, ctrler)), clnt);
  }

  /** The controller {@link #setupKVService} made. */
  ShardCtrler shardCtrler() {
    return sck;
  }

  ShardCtrler makeShardCtrler() {
    return makeShardCtrlerClnt().sck();
  }

  /** A controller and its connection, which a test may cut off. */
  record CtrlerClnt(ShardCtrler sck, Clnt clnt) {}

  CtrlerClnt makeShardCtrlerClnt() {
    Clnt clnt = makeClient();
    return new CtrlerClnt(Guard.call("ShardCtrler.make", () -> ShardCtrler.make(clnt)), clnt);
  }

  /** A Lab 2 clerk of group 0's server (Go's makeKVClerk). */
  IKVClerk makeKVClerk() {
    Clnt clnt = makeClient();
    String srv = tester.ServerGrp.serverName(GRP0, 0);
    return Guard.call("kvsrv.Clerk.make", () -> kvsrv.Clerk.make(clnt, srv));
  }

  synchronized int newGid() {
    int gid = ngid;
    ngid += 1;
    return gid;
  }

  List<Integer> groups(int n) {
    List<Integer> grps = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      grps.add(newGid());
    }
    return grps;
  }

  /**
   * Sets up the key/value service with one group, {@link ShardCfg#GID1}, which owns every shard in
   * the first configuration.
   */
  int setupKVService() {
    sck = makeShardCtrler();
    ShardConfig scfg = ShardConfig.makeShardConfig();
    makeGroupStart(ShardCfg.GID1, NSRV, this::startServerShardGrp);
    scfg.joinBalance(Map.of(ShardCfg.GID1, List.of(group(ShardCfg.GID1).srvNames())));
    sck.initConfig(scfg);
    return ShardCfg.GID1;
  }

  /** The controller's current configuration, which must not be null. */
  ShardConfig query(ShardCtrler ctrler) {
    ShardConfig cfg = ctrler.query();
    if (cfg == null) {
      throw fatalf("ShardCtrler.query() returned null: return the current configuration");
    }
    return cfg;
  }

  /** Go's {@code CheckConfig}: {@code cfg} has exactly the groups {@code gids}, balanced. */
  void checkConfig(ShardConfig cfg, List<Integer> gids) {
    try {
      cfg.checkConfig(gids);
    } catch (AssertionError e) {
      throw fatalf("%s", e.getMessage());
    }
  }

  boolean checkMember(ShardCtrler ctrler, int gid) {
    return query(ctrler).isMember(gid);
  }

  /** Group {@code gid}, with servers {@code srvs}, joins. */
  void join(ShardCtrler ctrler, int gid, List<String> srvs) {
    ShardConfig cfg = query(ctrler);
    ShardConfig newcfg = cfg.copy();
    boolean ok = newcfg.joinBalance(Map.of(gid, srvs));
    if (!ok) {
      throw fatalf("join: group %d is already present", gid);
    }
    ctrler.changeConfigTo(newcfg);
  }

  boolean joinGroups(ShardCtrler ctrler, List<Integer> gids) {
    for (int gid : gids) {
      makeGroupStart(gid, NSRV, this::startServerShardGrp);
      join(ctrler, gid, List.of(group(gid).srvNames()));
      if (!checkMember(ctrler, gid)) {
        return false;
      }
      sleep(INTERGRPDELAY);
    }
    return true;
  }

  /** Group {@code gid} leaves. */
  void leave(ShardCtrler ctrler, int gid) {
    ShardConfig cfg = query(ctrler);
    ShardConfig newcfg = cfg.copy();
    boolean ok = newcfg.leaveBalance(List.of(gid));
    if (!ok) {
      throw fatalf("leave: group %d is already not present", gid);
    }
    ctrler.changeConfigTo(newcfg);
  }

  boolean leaveGroups(ShardCtrler ctrler, List<Integer> gids) {
    for (int gid : gids) {
      leave(ctrler, gid);
      if (checkMember(ctrler, gid)) {
        return false;
      }
      exitGroup(gid);
      sleep(INTERGRPDELAY);
    }
    return true;
  }

  /** Shuts down the server that leads group {@code gid}; returns it (Go's name). */
  int disconnectClntFromLeader(int gid) {
    Leader l = leader(this, gid);
    if (!l.found()) {
      throw fatalf("Leader failed");
    }
    group(gid).shutdownServer(l.server());
    return l.server();
  }

  /**
   * Makes sure that the data really is sharded by shutting down group {@code down} and checking
   * that some Gets do not succeed, while those that do return the right values; then restarts it.
   */
  void checkShutdownSharding(int down, List<String> ka, List<String> va) {
    final int nsec = 2;

    group(down).shutdown();

    int n = ka.size();
    BlockingQueue<String> ch = new LinkedBlockingQueue<>();
    AtomicBoolean done = new AtomicBoolean();
    for (int xi = 0; xi < n; xi++) {
      IKVClerk ck1 = makeClerk();
      int i = xi;
      // Left running when its group is down: it ends at the end of the test, if not before.
      go(
          "get-" + ka.get(i),
          () -> {
            IKVClerk.GetResult r = ck1.get(ka.get(i));
            if (done.get()) {
              return;
            }
            String v = r == null ? null : r.value();
            if (!va.get(i).equals(v)) {
              ch.add(
                  String.format("Get(%s): expected:\n%s\nreceived:\n%s", ka.get(i), va.get(i), v));
            } else {
              ch.add("");
            }
          });
    }

    int ndone = 0;
    while (!done.get()) {
      String err;
      try {
        err = ch.poll(nsec, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        throw interrupted();
      }
      checkFailure();
      if (err == null) {
        done.set(true);
      } else {
        if (!err.isEmpty()) {
          throw fatalf("%s", err);
        }
        ndone += 1;
      }
    }

    if (ndone >= n) {
      throw fatalf("expected less than %d completions with shard %d down\n", n, down);
    }

    // bring the crashed shard/group back to life.
    group(down).startServers();
  }

  // ---- controllers that fail and controllers that run at once (5B, 5C) ------------------------

  /** What {@link #partitionCtrler}'s controller was doing when it was cut off. */
  private static final int JOIN = 1;

  private static final int LEAVE = 2;

  /**
   * Runs one controller that joins and leaves new groups, again and again, and cuts it off after
   * some time, while group {@code gid} is down so that it is likely stuck in the middle of a join
   * or a leave. A new controller must then finish the change the first one left half done: after
   * its {@code initController}, the configuration has moved past the one the first controller
   * started from, with the new group present if the first was joining it and absent if it was
   * leaving. With {@code partition} (5C, Go's MakeTestLeases) the first controller is then
   * reconnected and must give up, since it has been superseded; without (5B) it stays cut off.
   * Finally every key in {@code ka} must still have its value in {@code va}, at version 1.
   */
  void partitionCtrler(IKVClerk ck, int gid, List<String> ka, List<String> va) {
    final int randMs = 400; // Go's RAND
    final int nsec = 1;

    CtrlerClnt first = makeShardCtrlerClnt();
    ShardCtrler sck = first.sck();
    sck.initController();

    ShardConfig cfg = query(shardCtrler());
    int num = cfg.num;

    AtomicInteger state = new AtomicInteger(0);
    AtomicInteger ngid = new AtomicInteger(0);
    go(
        "cut-off-controller",
        () -> {
          while (true) {
            ngid.set(newGid());
            state.set(JOIN);
            joinGroups(sck, List.of(ngid.get()));
            if (checkMember(sck, ngid.get())) {
              state.set(LEAVE);
              leaveGroups(sck, List.of(ngid.get()));
            } else {
              return; // deposed
            }
          }
        });

    // let sck run for a little while
    sleep(1000);

    int r = rand.nextInt(randMs);
    sleep(r);

    group(gid).shutdown();

    // sleep for a while to get sck stuck in join or leave, because gid is down
    sleep(1000);

    // partition controller
    first.clnt().disconnectAll();

    if (partition) {
      // wait a while before restarting shardgrp `gid`
      sleep(nsec * 1000L);
    }

    group(gid).startServers();

    // start new controller to pick up where sck left off
    CtrlerClnt second = makeShardCtrlerClnt();
    ShardCtrler sck0 = second.sck();

    sck0.initController();
    cfg = query(sck0);
    int s = state.get();
    String what = s == LEAVE ? "leave" : "join";

    if (cfg.num <= num) {
      // raftlab: (new, old), so that it reads as the check; Go prints them the other way round.
      throw fatalf("didn't recover; expected %d > %d", cfg.num, num);
    }

    boolean present = cfg.isMember(ngid.get());
    if ((s == JOIN && !present) || (s == LEAVE && present)) {
      throw fatalf("didn't recover %d correctly after %s", ngid.get(), what);
    }

    if (s == JOIN && present) {
      // cleanup if disconnected after join but before leave
      leaveGroups(sck0, List.of(ngid.get()));
    }

    if (partition) {
      // reconnect old controller, which should bail out, because it has been superseded.
      first.clnt().connectAll();

      sleep(100);
    }

    checkGets(ck, ka, va);

    deleteClient(first.clnt());
    deleteClient(second.clnt());
  }

  /**
   * Runs {@value #NCTRLER} controllers at once for {@code nsec} seconds, each making a fresh
   * controller, calling its {@code initController}, and joining and then leaving a new group, again
   * and again; most of their changes conflict, and only the losers' changes may fail. Then every
   * key in {@code ka} must still have its value in {@code va}, at version 1.
   */
  void concurCtrler(IKVClerk ck, List<String> ka, List<String> va) {
    final int nsec = 2;

    int num = query(shardCtrler()).num;
    AtomicBoolean stop = new AtomicBoolean();
    List<Thread> ctrlers = new ArrayList<>();
    for (int i = 0; i < NCTRLER; i++) {
      ctrlers.add(
          go(
              "controller-" + i,
              () -> {
                while (!stop.get()) {
                  int ngid = newGid();
                  ShardCtrler sck = makeShardCtrler();
                  sck.initController();
                  joinGroups(sck, List.of(ngid));
                  if (checkMember(sck, ngid)) {
                    leaveGroups(sck, List.of(ngid)); // may fail: another controller got ahead
                  }
                }
              }));
    }

    // let the controllers run for a while
    sleep(nsec * 1000L);

    // As Go's sends on ch: each controller finishes the round it is in, then stops.
    stop.set(true);
    for (int i = 0; i < NCTRLER; i++) {
      if (!joined(ctrlers.get(i), TimeUnit.SECONDS.toMillis(CTRLER_STOP_SECONDS))) {
        throw fatalf(
            "controller %d did not finish its join or leave within %d s of the others' stop: is"
                + " changeConfigTo or initController stuck?",
            i, CTRLER_STOP_SECONDS);
      }
    }

    // raftlab: Go checks only the keys, which controllers that never change anything keep too.
    int after = query(shardCtrler()).num;
    if (after <= num) {
      throw fatalf(
          "no configuration change in %d s of %d controllers at once (number %d before and after):"
              + " of controllers that try the same change, one must succeed",
          nsec, NCTRLER, num);
    }

    checkGets(ck, ka, va);
  }

  /** Controllers that {@link #concurCtrler} runs at once (Go's N). */
  static final int NCTRLER = 4;

  /**
   * How long {@link #concurCtrler} waits for a controller to finish its round once told to stop (Go
   * waits forever); a round of the reference takes well under a second.
   */
  static final int CTRLER_STOP_SECONDS = 30;

  /**
   * Makes every request wait a random 0 to {@code ms} ms before it reaches its server ({@code
   * labrpc.Network.setLatency}); {@link #LATENCY_NONE} puts back what the test started with (none,
   * unless the deterministic mode set some). raftlab: controllers that a test starts at the same
   * moment would otherwise often run one after the other, each call answered before the next thread
   * is even awake; with some latency their calls interleave, as on real machines.
   */
  void setLatency(int ms) {
    net.setLatency(ms == LATENCY_NONE ? Integer.getInteger("raftlab.latencyMs", 0) : ms);
  }

  /** For {@link #setLatency}: the latency the test started with. */
  static final int LATENCY_NONE = -1;

  // ---- waiting -------------------------------------------------------------------------------

  /** Go's loop of CheckGets: every key still has its value, at version 1. */
  void checkGets(IKVClerk ck, List<String> ka, List<String> va) {
    for (int i = 0; i < ka.size(); i++) {
      checkGet(ck, ka.get(i), va.get(i), 1);
    }
  }

  /** Whether tester thread {@code t} ended within {@code ms} (Go's select with time.After). */
  boolean joined(Thread t, long ms) {
    try {
      t.join(ms);
    } catch (InterruptedException e) {
      throw interrupted();
    }
    checkFailure();
    return !t.isAlive();
  }

  /** Waits for the one value a tester thread puts in {@code ch} (Go's receive). */
  <T> T take(BlockingQueue<T> ch) {
    while (true) {
      try {
        T v = ch.poll(100, TimeUnit.MILLISECONDS);
        checkFailure();
        if (v != null) {
          return v;
        }
      } catch (InterruptedException e) {
        throw interrupted();
      }
    }
  }
}
