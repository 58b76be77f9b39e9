package shardkv;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import kvapi.IKVClerk;
import kvtest.ClntRes;
import kvtest.KvTest;
import kvtest.KvTest.KeysValues;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import shardkv.shardcfg.ShardConfig;
import shardkv.shardctrler.ShardCtrler;
import tester.Clnt;
import tester.Points;

/**
 * Lab 5C: controllers that change the configuration at once, and a controller that is cut off,
 * superseded, and then reconnected. The Java port of the 5C tests in {@code
 * shardkv1/shardkv_test.go}; same names (some keep words of lease tests that Go removed: "Leases",
 * "AcquireLock"), scenarios, numbers and messages, with two checks made real: the partition
 * recoveries with clerks check the keys Go's shadowed variables leave out (see {@link
 * #partitionRecovery5C}), and the concurrent controllers must change the configuration at least
 * once (see {@code ShardKvTester.concurCtrler}).
 */
@Tag("5C")
class ShardKvTest5C {
  static final int NKEYS = ShardKvTest5A.NKEYS;

  /** Test concurrent controllers fighting for leadership, on a reliable network. */
  @Test
  @Order(1)
  @Points(4)
  void testConcurrentReliable5C() {
    ShardKvTester ts = ShardKvTester.makeTestLeases("Test (5C): Concurrent ctrlers ...", true);
    ts.setupKVService();
    IKVClerk ck = ts.makeClerk();
    KeysValues kv = ts.spreadPuts(ck, NKEYS);
    ts.concurCtrler(ck, kv.ka(), kv.va());
  }

  /** Test concurrent controllers fighting for leadership, on an unreliable network. */
  @Test
  @Order(2)
  @Points(4)
  void testAcquireLockConcurrentUnreliable5C() {
    ShardKvTester ts = ShardKvTester.makeTestLeases("Test (5C): Concurrent ctrlers ...", false);
    ts.setupKVService();
    IKVClerk ck = ts.makeClerk();
    KeysValues kv = ts.spreadPuts(ck, NKEYS);
    ts.concurCtrler(ck, kv.ka(), kv.va());
  }

  /**
   * Test that an old controller is fenced off when it reconnects in the middle of a join: it is cut
   * off while the join waits for a group that is down, a new controller finishes the join, and then
   * the old one is reconnected and must end without undoing anything.
   */
  @Test
  @Order(3)
  @Points(4)
  void testPartitionControllerJoin5C() {
    final int nsec = 1;

    ShardKvTester ts =
        ShardKvTester.makeTestLeases("Test (5C): partition controller in join...", true);
    ts.setupKVService();
    IKVClerk ck = ts.makeClerk();
    KeysValues kv = ts.spreadPuts(ck, NKEYS);

    ShardKvTester.CtrlerClnt old = ts.makeShardCtrlerClnt();
    ShardCtrler sck = old.sck();
    Clnt clnt = old.clnt();
    sck.initController();

    BlockingQueue<Boolean> ch = new LinkedBlockingQueue<>();
    AtomicInteger ngid = new AtomicInteger(0);
    ts.go(
        "old-controller",
        () -> {
          ngid.set(ts.newGid());
          ts.makeGroupStart(ngid.get(), ShardKvTester.NSRV, ts::startServerShardGrp);
          ts.group(ngid.get()).shutdown();
          ts.join(sck, ngid.get(), List.of(ts.group(ngid.get()).srvNames()));
          ch.add(true);
        });

    // sleep for a while to get the chance for the controller to get stuck in join, because gid is
    // down
    ts.sleep(1000);

    // partition sck
    clnt.disconnectAll();

    // wait a while before restarting shardgrp `ngid`
    ts.sleep(nsec * 1000L);

    ts.group(ngid.get()).startServers();

    // start new controller to supersede partitioned one,
    ShardCtrler sck0 = ts.makeShardCtrler();
    sck0.initController();

    ShardConfig scfg = ts.query(sck0);
    if (!scfg.isMember(ngid.get())) {
      throw ts.fatalf("Didn't recover gid %d", ngid.get());
    }

    // reconnect old controller, which shouldn't finish ChangeConfigTo
    clnt.connectAll();

    // wait for old controller to finish/exit
    ts.take(ch);

    ts.sleep(1000);

    ts.checkGets(ck, kv.ka(), kv.va());
  }

  /**
   * Makes a controller lose its leadership in the middle of a join or leave, {@code npart} times,
   * and tests that the next controller recovers correctly; with {@code nclnt} clerks putting and
   * getting one key meanwhile, whose history must be linearizable.
   *
   * <p>raftlab: in Go, with clerks, the test's keys and values are shadowed (an inner {@code ka}),
   * so every {@code CheckGet} after a recovery runs over no key. Here the {@code NKEYS} keys are
   * put in every case, and checked after every recovery; the clerks use one more key of their own,
   * which Porcupine checks.
   */
  private static void partitionRecovery5C(boolean reliable, int npart, int nclnt) {
    final int nsec = 60;
    ShardKvTester ts =
        ShardKvTester.makeTestLeases("Test (5C): controllers with leased leadership ...", reliable);
    int gid = ts.setupKVService();
    IKVClerk ck = ts.makeClerk();

    KeysValues kv = ts.spreadPuts(ck, NKEYS);

    BlockingQueue<List<ClntRes>> ch = new LinkedBlockingQueue<>();
    if (nclnt > 0) {
      List<String> ka = KvTest.makeKeys(NKEYS + 1).subList(NKEYS, NKEYS + 1);
      ts.go(
          "clients",
          () ->
              ch.add(
                  ts.spawnClientsAndWait(
                      nclnt,
                      TimeUnit.SECONDS.toMillis(nsec),
                      (me, clerk, done) -> ts.oneClientPut(me, clerk, ka, done))));
    }

    for (int i = 0; i < npart; i++) {
      ts.partitionCtrler(ck, gid, kv.ka(), kv.va());
    }

    if (nclnt > 0) {
      ts.take(ch);
      ts.checkPorcupine();
    }
  }

  /** Five recoveries on a reliable network, no other clerk. */
  @Test
  @Order(4)
  @Points(4)
  void testPartitionRecoveryReliableNoClerk5C() {
    final int npartition = 5;
    partitionRecovery5C(true, npartition, 0);
  }

  /** Three recoveries on an unreliable network, no other clerk. */
  @Test
  @Order(5)
  @Points(4)
  void testPartitionRecoveryUnreliableNoClerk5C() {
    final int npartition = 3;
    partitionRecovery5C(false, npartition, 0);
  }

  /** Five recoveries on a reliable network, with five clerks at work. */
  @Test
  @Order(6)
  @Points(4)
  void testPartitionRecoveryReliableClerks5C() {
    final int npartition = 5;
    partitionRecovery5C(true, npartition, 5);
  }

  /** Three recoveries on an unreliable network, with five clerks at work. */
  @Test
  @Order(7)
  @Points(4)
  void testPartitionRecoveryUnreliableClerks5C() {
    final int npartition = 3;
    partitionRecovery5C(false, npartition, 5);
  }

  /**
   * raftlab: several controllers make <em>one</em> change at once. Each round, {@code NCTRLER}
   * controllers query the same configuration, each computes from it the join of a new group of its
   * own, and all call {@code changeConfigTo} at the same moment. Exactly one of the changes may
   * happen: afterwards the configuration's number is one more than before, exactly one of the new
   * groups is a member, and every key still has its value. Go's concurrent-controller tests rarely
   * make two controllers change the same number at once (each round starts with an {@code
   * initController}), so a controller that moves shards for a number another controller has claimed
   * passes them most of the time; here it moves shards to a group that is not in the stored
   * configuration, or installs a shard already handed over, and keys are lost.
   */
  @Test
  @Order(8)
  @Points(4)
  void testConcurrentChangesOfOneNumber5C() {
    final int nround = 5;
    final int nctrler = ShardKvTester.NCTRLER;

    ShardKvTester ts =
        ShardKvTester.makeTestLeases(
            "Test (5C): concurrent changes of one configuration number (raftlab)", true);
    ts.setupKVService();
    IKVClerk ck = ts.makeClerk();
    KeysValues kv = ts.spreadPuts(ck, NKEYS);

    for (int round = 0; round < nround; round++) {
      // Each controller computes its own change from one and the same configuration.
      ShardConfig cfg = ts.query(ts.shardCtrler());
      List<Integer> gids = new ArrayList<>();
      List<ShardCtrler> ctrlers = new ArrayList<>();
      List<ShardConfig> changes = new ArrayList<>();
      for (int i = 0; i < nctrler; i++) {
        int gid = ts.newGid();
        ts.makeGroupStart(gid, ShardKvTester.NSRV, ts::startServerShardGrp);
        ShardConfig newcfg = cfg.copy();
        if (!newcfg.joinBalance(Map.of(gid, List.of(ts.group(gid).srvNames())))) {
          throw ts.fatalf("join: group %d is already present", gid);
        }
        ShardCtrler sck = ts.makeShardCtrler();
        sck.initController();
        gids.add(gid);
        ctrlers.add(sck);
        changes.add(newcfg);
      }

      // All at once.
      CountDownLatch start = new CountDownLatch(1);
      List<Thread> threads = new ArrayList<>();
      for (int i = 0; i < nctrler; i++) {
        ShardCtrler sck = ctrlers.get(i);
        ShardConfig newcfg = changes.get(i);
        threads.add(
            ts.go(
                "controller-" + i,
                () -> {
                  try {
                    start.await();
                  } catch (InterruptedException e) {
                    throw ts.interrupted();
                  }
                  sck.changeConfigTo(newcfg);
                }));
      }
      start.countDown();
      for (int i = 0; i < nctrler; i++) {
        if (!ts.joined(
            threads.get(i), TimeUnit.SECONDS.toMillis(ShardKvTester.CTRLER_STOP_SECONDS))) {
          throw ts.fatalf(
              "controller %d's changeConfigTo did not return within %d s",
              i, ShardKvTester.CTRLER_STOP_SECONDS);
        }
      }

      // Exactly one change happened.
      ShardConfig after = ts.query(ts.shardCtrler());
      if (after.num != cfg.num + 1) {
        throw ts.fatalf(
            "%d controllers changed configuration %d at once; the number is now %d, expected %d:"
                + " exactly one of the changes must happen",
            nctrler, cfg.num, after.num, cfg.num + 1);
      }
      List<Integer> members = new ArrayList<>();
      for (int gid : gids) {
        if (after.isMember(gid)) {
          members.add(gid);
        }
      }
      if (members.size() != 1) {
        throw ts.fatalf(
            "%d controllers each joined one of the groups %s to configuration %d at once; members"
                + " now: %s, expected exactly one",
            nctrler, gids, cfg.num, members);
      }
      ts.checkGets(ck, kv.ka(), kv.va());

      // The groups that did not join go away.
      for (int gid : gids) {
        if (!members.contains(gid)) {
          ts.exitGroup(gid);
        }
      }
    }
  }
}
