package shardkv;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import kvapi.IKVClerk;
import kvtest.ClntRes;
import kvtest.KvTest;
import kvtest.KvTest.KeysValues;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import shardkv.shardcfg.ShardCfg;
import shardkv.shardcfg.ShardConfig;
import shardkv.shardctrler.ShardCtrler;
import tester.Points;

/**
 * Lab 5A: the shard controller, shard groups that move shards, and the sharded clerk. The Java port
 * of the 5A tests in {@code shardkv1/shardkv_test.go}; same names, scenarios, numbers and messages.
 */
@Tag("5A")
class ShardKvTest5A {
  static final int NGRP = 8;
  static final int NKEYS = 5 * ShardCfg.NSHARDS;

  /** Test the shard controller's init and query with a key/value server from Lab 2. */
  @Test
  @Order(1)
  @Points(4)
  void testInitQuery5A() {
    // makeTest starts your Lab 2 key/value server (kvsrv.KVServer.startKVServer).
    ShardKvTester ts = ShardKvTester.makeTest("Test (5A): Init and Query ...", true);

    // Make a shard controller.
    ShardCtrler sck = ts.makeShardCtrler();

    // Make an empty shard configuration, and compute a new one as if Gid1 joins the cluster,
    // assigning all shards to Gid1.
    ShardConfig scfg = ShardConfig.makeShardConfig();
    scfg.joinBalance(Map.of(ShardCfg.GID1, List.of("xxx")));

    // Invoke the controller to store the first configuration.
    sck.initConfig(scfg);

    // Read the initial configuration and check it.
    ShardConfig cfg = ts.query(sck);
    if (cfg.num != 1 || cfg.shards[0] != ShardCfg.GID1) {
      throw ts.fatalf("Static wrong %s", cfg);
    }
    ts.checkConfig(cfg, List.of(ShardCfg.GID1));
  }

  /** Test the sharded clerk's get and put with one shard group (without reconfiguration). */
  @Test
  @Order(2)
  @Points(4)
  void testStaticOneShardGroup5A() {
    ShardKvTester ts = ShardKvTester.makeTest("Test (5A): one shard group ...", true);

    // setupKVService starts group 0 for the controller's configuration and calls the
    // controller's initConfig to store the first configuration, with one shard group.
    ts.setupKVService();

    IKVClerk ck = ts.makeClerk(); // make a sharded clerk
    KeysValues kv = ts.spreadPuts(ck, NKEYS); // do some puts
    int n = kv.ka().size();
    for (int i = 0; i < n; i++) {
      ts.checkGet(ck, kv.ka().get(i), kv.va().get(i), 1); // check the puts
    }

    // Shut down the Raft leader of the shard group: the keys must still be available.
    ts.disconnectClntFromLeader(ShardCfg.GID1);

    for (int i = 0; i < n; i++) {
      ts.checkGet(ck, kv.ka().get(i), kv.va().get(i), 1); // check the puts
    }
  }

  /**
   * Test the controller's join, which adds a new group gid2 and must move shards to it; the old
   * group must reject Gets and Puts of the shards that moved.
   */
  @Test
  @Order(3)
  @Points(4)
  void testJoinBasic5A() {
    ShardKvTester ts = ShardKvTester.makeTest("Test (5A): a group joins...", true);

    int gid1 = ts.setupKVService();
    IKVClerk ck = ts.makeClerk();
    KeysValues kv = ts.spreadPuts(ck, NKEYS);

    ShardCtrler sck = ts.shardCtrler();
    ShardConfig cfg = ts.query(sck);

    int gid2 = ts.newGid();
    if (!ts.joinGroups(sck, List.of(gid2))) {
      throw ts.fatalf("TestJoinBasic5A: joinGroups failed");
    }

    ShardConfig cfg1 = ts.query(sck);
    if (cfg.num + 1 != cfg1.num) {
      throw ts.fatalf("TestJoinBasic5A: wrong num %d expected %d ", cfg1.num, cfg.num + 1);
    }

    if (!cfg1.isMember(gid2)) {
      throw ts.fatalf("TestJoinBasic5A: %d isn't a member of %s", gid2, cfg1);
    }

    // With either group down, some keys must be unavailable: the shards are really split.
    ts.checkShutdownSharding(gid1, kv.ka(), kv.va());
    checkGets(ts, ck, kv);

    ts.checkShutdownSharding(gid2, kv.ka(), kv.va());
    checkGets(ts, ck, kv);
  }

  /** Test that shard groups delete the shards that moved away. */
  @Test
  @Order(4)
  @Points(4)
  void testDeleteBasic5A() {
    final int maxraftstate = 1000;
    final int valuesize = 10000;

    // Go passes VALUESIZE as the groups' maxraftstate and MAXRAFTSTATE as the values' size.
    ShardKvTester ts =
        ShardKvTester.makeTestMaxRaft("Test (5A): delete ...", true, false, valuesize);

    int gid1 = ts.setupKVService();
    IKVClerk ck = ts.makeClerk();

    KeysValues kv = ts.spreadPutsSize(ck, NKEYS, maxraftstate);

    int sz = ts.group(gid1).snapshotSize();

    ShardCtrler sck = ts.shardCtrler();
    int gid2 = ts.newGid();
    if (!ts.joinGroups(sck, List.of(gid2))) {
      throw ts.fatalf("TestDeleteBasic5A: joinGroups failed");
    }

    // push more Gets through so that all peers snapshot. Go does 5 rounds: gob writes each log
    // entry's type names, about 75 bytes per Get, so gid1's ~150 Gets cross maxraftstate (10,000
    // bytes) once more after the delete. labgob writes about 20 bytes per Get, so the same growth
    // takes about 4 times as many Gets: 25 rounds (~750 Gets on gid1, ~15,000 bytes).
    final int getRounds = 25;
    for (int j = 0; j < getRounds; j++) {
      checkGets(ts, ck, kv);
    }
    int sz1 = ts.group(gid1).snapshotSize();
    int sz2 = ts.group(gid2).snapshotSize();
    if (sz1 + sz2 > sz + 10000) {
      throw ts.fatalf(
          "TestDeleteBasic5A: gid1 %d + gid2 %d = %d use too much space %d",
          sz1, sz2, sz1 + sz2, sz);
    }
  }

  /** Test the controller's leave. */
  @Test
  @Order(5)
  @Points(4)
  void testJoinLeaveBasic5A() {
    ShardKvTester ts = ShardKvTester.makeTest("Test (5A): basic groups join/leave ...", true);

    int gid1 = ts.setupKVService();
    IKVClerk ck = ts.makeClerk();
    KeysValues kv = ts.spreadPuts(ck, NKEYS);

    ShardCtrler sck = ts.shardCtrler();
    int gid2 = ts.newGid();
    if (!ts.joinGroups(sck, List.of(gid2))) {
      throw ts.fatalf("TestJoinLeaveBasic5A: joinGroups failed");
    }

    ts.checkShutdownSharding(gid1, kv.ka(), kv.va());
    checkGets(ts, ck, kv);

    ts.leave(sck, ShardCfg.GID1);
    if (ts.checkMember(sck, ShardCfg.GID1)) {
      throw ts.fatalf("%d is a member after leave", ShardCfg.GID1);
    }

    // Gid1 left: every key is at gid2, so shutting Gid1 down must not matter.
    ts.group(ShardCfg.GID1).shutdown();

    checkGets(ts, ck, kv);

    // bring the crashed shard/group back to life.
    ts.group(ShardCfg.GID1).startServers();

    // Rejoin
    ts.join(sck, ShardCfg.GID1, List.of(ts.group(ShardCfg.GID1).srvNames()));

    checkGets(ts, ck, kv);

    ts.checkShutdownSharding(gid2, kv.ka(), kv.va());
  }

  /** Many groups joining and leaving, on a reliable or unreliable network. */
  private static void joinLeave5A(boolean reliable, String part) {
    ShardKvTester ts = ShardKvTester.makeTest("Test (5A): many groups join/leave ...", reliable);

    ts.setupKVService();
    IKVClerk ck = ts.makeClerk();
    KeysValues kv = ts.spreadPuts(ck, NKEYS);

    ShardCtrler sck = ts.shardCtrler();
    List<Integer> grps = ts.groups(NGRP);

    ts.joinGroups(sck, grps);

    ts.checkShutdownSharding(grps.get(0), kv.ka(), kv.va());

    checkGets(ts, ck, kv);

    ts.leaveGroups(sck, grps);

    checkGets(ts, ck, kv);
  }

  @Test
  @Order(6)
  @Points(4)
  void testManyJoinLeaveReliable5A() {
    joinLeave5A(true, "Test (5A): many groups join/leave reliable...");
  }

  @Test
  @Order(7)
  @Points(4)
  void testManyJoinLeaveUnreliable5A() {
    joinLeave5A(false, "Test (5A): many groups join/leave unreliable...");
  }

  /** Test recovery from a complete shutdown. */
  @Test
  @Order(8)
  @Points(4)
  void testShutdown5A() {
    final int njoin = 2;
    final int ngrp = 2 + njoin;

    ShardKvTester ts = ShardKvTester.makeTest("Test (5A): shutdown ...", true);

    ts.setupKVService();

    IKVClerk ck = ts.makeClerk();
    KeysValues kv = ts.spreadPuts(ck, NKEYS);

    ShardCtrler sck = ts.shardCtrler();
    List<Integer> grps = ts.groups(njoin);
    ts.joinGroups(sck, grps);

    ts.checkShutdownSharding(grps.get(0), kv.ka(), kv.va());

    checkGets(ts, ck, kv);

    // Every shard group crashes, then restarts from what it persisted.
    for (int i = ShardCfg.GID1; i < ngrp; i++) {
      ts.group(i).shutdown();
    }

    for (int i = ShardCfg.GID1; i < ngrp; i++) {
      ts.group(i).startServers();
    }

    checkGets(ts, ck, kv);
  }

  /** Test that Gets for keys at groups that are alive return. */
  @Test
  @Order(9)
  @Points(4)
  void testProgressShutdown5A() {
    final int njoin = 4;
    final int nsec = 2;

    ShardKvTester ts = ShardKvTester.makeTest("Test (5A): progress ...", true);

    ts.setupKVService();

    IKVClerk ck = ts.makeClerk();
    KeysValues kv = ts.spreadPuts(ck, NKEYS);

    ShardCtrler sck = ts.shardCtrler();
    List<Integer> grps = ts.groups(njoin);
    ts.joinGroups(sck, grps);

    int end = 2;
    for (int g : grps.subList(0, 2)) {
      ts.group(g).shutdown();
    }

    Set<Integer> alive = new HashSet<>(grps.subList(end, grps.size()));

    ShardConfig cfg = ts.query(sck);

    // Gets of the keys whose groups are alive must all finish within nsec.
    AtomicBoolean finished = new AtomicBoolean();
    Thread gets =
        ts.go(
            "gets",
            () -> {
              for (int i = 0; i < kv.ka().size(); i++) {
                int s = ShardCfg.key2Shard(kv.ka().get(i));
                int g = cfg.shards[s];
                if (alive.contains(g)) {
                  ts.checkGet(ck, kv.ka().get(i), kv.va().get(i), 1);
                }
              }
              finished.set(true);
            });

    if (!ts.joined(gets, TimeUnit.SECONDS.toMillis(nsec)) || !finished.get()) {
      throw ts.fatalf("Gets didn't finish");
    }
  }

  /** Test that Gets from a non-moving shard return quickly. */
  @Test
  @Order(10)
  @Points(4)
  void testProgressJoin5A() {
    final int njoin = 4;
    final int nsec = 4;
    final int ncnt = 100;

    ShardKvTester ts = ShardKvTester.makeTest("Test (5A): progress ...", true);

    ts.setupKVService();

    IKVClerk ck = ts.makeClerk();
    KeysValues kv = ts.spreadPuts(ck, NKEYS);

    ShardCtrler sck = ts.shardCtrler();
    List<Integer> grps = ts.groups(njoin);
    ts.joinGroups(sck, grps);

    ShardConfig cfg = ts.query(sck);
    ShardConfig newcfg = cfg.copy();
    int newgid = njoin + 3;
    if (!newcfg.joinBalance(Map.of(newgid, List.of("xxx")))) {
      throw ts.fatalf("JoinBalance failed");
    }
    ShardConfig newcfg1 = newcfg.copy();
    if (!newcfg1.leaveBalance(List.of(newgid))) {
      throw ts.fatalf("JoinBalance failed");
    }

    // compute which shards don't move and which groups are involved in moving shards
    Set<Integer> stable = new HashSet<>();
    Set<Integer> participating = new HashSet<>();
    for (int i = 0; i < newcfg1.shards.length; i++) {
      int g = newcfg1.shards[i];
      if (newcfg.shards[i] == g) {
        stable.add(i);
      } else {
        participating.add(g);
      }
    }

    // Group newgid joins and leaves, again and again, until the Gets are done.
    AtomicBoolean stop = new AtomicBoolean();
    Thread joinLeave =
        ts.go(
            "join-leave",
            () -> {
              while (!stop.get()) {
                if (!ts.joinGroups(sck, List.of(newgid))) {
                  throw ts.fatalf("TestProgressJoin: join failed");
                }
                if (!ts.leaveGroups(sck, List.of(newgid))) {
                  throw ts.fatalf("TestProgressJoin: leave failed");
                }
              }
            });

    // Get the keys that are on groups involved in the join but not in the shards that move.
    AtomicInteger nget = new AtomicInteger(-1);
    Thread gets =
        ts.go(
            "gets",
            () -> {
              long t = System.nanoTime() + TimeUnit.SECONDS.toNanos(nsec);
              int n = 0;
              while (System.nanoTime() < t) {
                for (int i = 0; i < kv.ka().size(); i++) {
                  int s = ShardCfg.key2Shard(kv.ka().get(i));
                  if (stable.contains(s)) {
                    int g = newcfg1.shards[s];
                    if (participating.contains(g)) {
                      ts.checkGet(ck, kv.ka().get(i), kv.va().get(i), 1);
                      n++;
                    }
                  }
                }
              }
              nget.set(n);
            });

    if (!ts.joined(gets, TimeUnit.SECONDS.toMillis(2 * nsec)) || nget.get() < 0) {
      throw ts.fatalf("Gets didn't finish");
    }
    int cnt = nget.get();
    if (cnt < ncnt) {
      throw ts.fatalf("Two few gets finished %d; expected more than %d", cnt, ncnt);
    }
    // As Go's send on ch0: wait for the join/leave loop to finish its round.
    stop.set(true);
    ts.join(List.of(joinLeave));
  }

  /**
   * Test linearizability with groups joining and leaving while {@code nclnt} clerks concurrently
   * put and get, on a reliable or unreliable network.
   */
  private static void concurrentClerk(int nclnt, boolean reliable, String part) {
    final int nsec = 20;

    ShardKvTester ts = ShardKvTester.makeTest(part, reliable);

    ts.setupKVService();

    List<String> ka = KvTest.makeKeys(NKEYS);
    BlockingQueue<List<ClntRes>> ch = new LinkedBlockingQueue<>();

    ts.go(
        "clients",
        () ->
            ch.add(
                ts.spawnClientsAndWait(
                    nclnt,
                    TimeUnit.SECONDS.toMillis(nsec),
                    (me, ck, done) -> ts.oneClientPut(me, ck, ka, done))));

    ShardCtrler sck = ts.shardCtrler();
    List<Integer> grps = ts.groups(NGRP);
    if (!ts.joinGroups(sck, grps)) {
      throw ts.fatalf("concurrentClerk: joinGroups failed");
    }

    if (!ts.leaveGroups(sck, grps)) {
      throw ts.fatalf("concurrentClerk: leaveGroups failed");
    }

    ts.take(ch);

    ts.checkPorcupine();
  }

  /** Test linearizability with groups joining and leaving and one concurrent clerk. */
  @Test
  @Order(11)
  @Points(4)
  void testOneConcurrentClerkReliable5A() {
    concurrentClerk(1, true, "Test (5A): one concurrent clerk reliable...");
  }

  /** Test linearizability with groups joining and leaving and many concurrent clerks. */
  @Test
  @Order(12)
  @Points(4)
  void testManyConcurrentClerkReliable5A() {
    final int nclnt = 10;
    concurrentClerk(nclnt, true, "Test (5A): many concurrent clerks reliable...");
  }

  /** Test linearizability with groups joining and leaving and one concurrent clerk. */
  @Test
  @Order(13)
  @Points(4)
  void testOneConcurrentClerkUnreliable5A() {
    concurrentClerk(1, false, "Test (5A): one concurrent clerk unreliable ...");
  }

  /** Test linearizability with groups joining and leaving and many concurrent clerks. */
  @Test
  @Order(14)
  @Points(4)
  void testManyConcurrentClerkUnreliable5A() {
    final int nclnt = 10;
    concurrentClerk(nclnt, false, "Test (5A): many concurrent clerks unreliable...");
  }

  /** Go's loop of CheckGets: every key still has its value, at version 1. */
  private static void checkGets(ShardKvTester ts, IKVClerk ck, KeysValues kv) {
    ts.checkGets(ck, kv.ka(), kv.va());
  }
}
