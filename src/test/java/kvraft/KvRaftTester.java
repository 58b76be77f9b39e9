package kvraft;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import kvapi.Err;
import kvapi.IKVClerk;
import kvtest.ClntRes;
import kvtest.KvTest;
import kvtest.TestClerk;
import labrpc.ClientEnd;
import raftapi.Persister;
import tester.Clnt;
import tester.Guard;

/**
 * The Lab 4B/4C tester, the Java port of {@code kvraft1/test.go} and the two generic tests of
 * {@code kvraft1/kvraft_test.go}: {@code nservers} KVServers on one labrpc network, clerks with
 * their own ends, and {@link #genericTest()} and {@link #genericTestSpeed()}.
 */
class KvRaftTester extends KvTest {
  static final int GID = GRP0;

  /** Seconds the clients of one iteration of the generic test run (Go's NSEC). */
  static final int NSEC = 1;

  final String part;
  final int nclients;
  final int nservers;
  final boolean crash;
  final boolean partitions;
  final int maxraftstate;

  /** Go's {@code MakeTest}: starts the servers and begins the test with its title. */
  static KvRaftTester makeTest(
      String part,
      int nclients,
      int nservers,
      boolean reliable,
      boolean crash,
      boolean partitions,
      int maxraftstate,
      boolean randomkeys) {
    KvRaftTester ts =
        new KvRaftTester(
            part, nclients, nservers, reliable, crash, partitions, maxraftstate, randomkeys);
    ts.begin(ts.makeTitle());
    return ts;
  }

  private KvRaftTester(
      String part,
      int nclients,
      int nservers,
      boolean reliable,
      boolean crash,
      boolean partitions,
      int maxraftstate,
      boolean randomkeys) {
    super(randomkeys);
    this.part = part;
    this.nclients = nclients;
    this.nservers = nservers;
    this.crash = crash;
    this.partitions = partitions;
    this.maxraftstate = maxraftstate;
    init(nservers, reliable, this::startKVServer);
  }

  private List<Object> startKVServer(ClientEnd[] ends, int gid, int me, Persister persister) {
    return Guard.call(
        "KVServer.startKVServer(server " + me + ")",
        () -> KVServer.startKVServer(ends, gid, me, persister, maxraftstate));
  }

  @Override
  public IKVClerk makeClerk() {
    Clnt clnt = makeClient();
    return new TestClerk(Guard.call("Clerk.make", () -> Clerk.make(clnt.ends())), clnt);
  }

  /** A clerk that can reach only the servers {@code to}. */
  TestClerk makeClerkTo(int[] to) {
    Clnt clnt = makeClientTo(to);
    return new TestClerk(Guard.call("Clerk.make", () -> Clerk.make(clnt.ends())), clnt);
  }

  String makeTitle() {
    String title = "Test: ";
    if (crash) {
      title += "restarts, "; // peers re-start, and thus persistence must work
    }
    if (partitions) {
      title += "partitions, "; // the network may partition
    }
    if (maxraftstate != -1) {
      title += "snapshots, ";
    }
    if (randomkeys) {
      title += "random keys, ";
    }
    title += nclients > 1 ? "many clients" : "one client";
    return title + " (" + part + ")";
  }

  /**
   * Go's GenericTest: {@code nclients} clients put concurrently for a second, three times over;
   * after each round the history must be linearizable and, without random keys, the version of "k"
   * must match the clients' results. With partitions, the network is repartitioned at random
   * meanwhile; with crash, every server is restarted after each round. A positive maxraftstate
   * bounds Raft's state to 8 times it; -1 forbids snapshots.
   */
  void genericTest() {
    final int niter = 3;
    final int nkeys = 100;
    IKVClerk ck = makeClerk();
    ClntRes res = new ClntRes();
    List<String> defaultKey = randomkeys ? makeKeys(nkeys) : List.of("k");
    for (int i = 0; i < niter; i++) {
      AtomicBoolean stopPartitioner = new AtomicBoolean();
      Thread clients =
          go(
              "clients",
              () -> {
                List<ClntRes> rs =
                    spawnClientsAndWait(
                        nclients,
                        NSEC * 1000L,
                        (cli, clerk, done) -> oneClientPut(cli, clerk, defaultKey, done));
                if (!randomkeys) {
                  boolean reliable = isReliable() && !crash && !partitions;
                  checkPutConcurrent(ck, defaultKey.get(0), rs, res, reliable);
                }
              });
      Thread partitioner = null;
      if (partitions) {
        // Allow the clients to perform some operations without interruption.
        sleep(1000);
        partitioner = go("partitioner", () -> partitioner(GID, stopPartitioner));
      }
      join(List.of(clients)); // wait for the clients to be done

      checkPorcupine();

      if (partitions) {
        stopPartitioner.set(true);
        join(List.of(partitioner));
        // Reconnect the network. A client may have submitted a request in a minority; it won't
        // return until that server discovers that a new term has started.
        group(GID).connectAll();
        sleep(ELECTION_TIMEOUT); // wait for a while so that we have a new term
      }

      if (crash) {
        if (maxraftstate > 0) {
          awaitLogsTrimmed();
        }
        for (int s = 0; s < nservers; s++) {
          group(GID).shutdownServer(s);
        }
        // Wait for a while for the servers to shut down, since shutdown isn't a real crash and
        // isn't instantaneous.
        sleep(ELECTION_TIMEOUT);
        for (int s = 0; s < nservers; s++) {
          group(GID).startServer(s);
        }
        group(GID).connectAll();
      }

      if (maxraftstate > 0) {
        // Check the maximum after the servers have processed all client requests and had time
        // to checkpoint.
        int sz = group(GID).logSize();
        if (sz > 8 * maxraftstate) {
          throw fatalf("logs were not trimmed (%d > 8*%d)", sz, maxraftstate);
        }
      }
      if (maxraftstate < 0) {
        int ssz = group(GID).snapshotSize();
        if (ssz > 0) {
          throw fatalf(
              "snapshot too large (%d), should not be used when maxraftstate = %d",
              ssz, maxraftstate);
        }
      }
    }
  }

  /**
   * Before the servers are shut down, gives them up to a second to apply and snapshot what the
   * clients left in their logs. In Go this second comes from Porcupine, which gives up on these
   * histories only after its 1 s; the version check decides at once, and a correct server still
   * applying (a heartbeat behind, or slowed by a busy machine) would then be shut down with an
   * untrimmed log and fail the log-size check after the restart. A server that never snapshots
   * still fails it: its log does not shrink.
   */
  private void awaitLogsTrimmed() {
    long deadline = System.nanoTime() + ELECTION_TIMEOUT * 1_000_000L;
    while (group(GID).logSize() > 8 * maxraftstate && System.nanoTime() < deadline) {
      sleep(10);
    }
  }

  /** Go's GenericTestSpeed: 1000 Puts, one after another, at better than 3 per heartbeat. */
  void genericTestSpeed() {
    final int numOps = 1000;
    IKVClerk ck = makeClerk();

    // Wait until the first op completes, so we know a leader is elected and the servers are
    // ready to process client requests.
    ck.get("x");

    long start = System.nanoTime();
    for (int i = 0; i < numOps; i++) {
      Err err = ck.put("k", Integer.toString(i), i);
      if (err != Err.OK) {
        throw fatalf("Put err %s", err);
      }
    }
    long dur = System.nanoTime() - start;

    IKVClerk.GetResult r = ck.get("k");
    if (r.err() != Err.OK) {
      throw fatalf("Get err %s", r.err());
    } else if (r.version() != numOps) {
      throw fatalf("Get too few ops %d", r.version());
    }

    // The heartbeat interval should be about 100 ms; require at least 3 ops per interval.
    final double heartbeatIntervalMs = 100;
    final int opsPerInterval = 3;
    final double timePerOpMs = heartbeatIntervalMs / opsPerInterval;
    double perOpMs = dur / 1e6 / numOps;
    if (perOpMs > timePerOpMs) {
      throw fatalf("Operations completed too slowly %.3fms/op > %.3fms/op", perOpMs, timePerOpMs);
    }
  }
}
