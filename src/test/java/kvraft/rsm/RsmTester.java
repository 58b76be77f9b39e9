package kvraft.rsm;

import java.util.List;
import kvapi.Err;
import kvapi.SubmitResult;
import labrpc.ClientEnd;
import raftapi.Persister;
import tester.Config;
import tester.ServerGrp;

/**
 * The Lab 4A tester, the Java port of {@code kvraft1/rsm/test.go}: {@value #NSRV} servers, each a
 * replicated counter ({@link RsmSrv}) on the student's Rsm, on a reliable network. The tests call
 * {@code submit} directly, on whichever server is the leader.
 */
class RsmTester extends Config {
  static final int NSRV = 3;

  /** Seconds {@link #onePartition} keeps trying before it gives up. */
  static final int NSEC = 10;

  static final int GID = GRP0;

  final ServerGrp g;
  final int maxraftstate;
  private final RsmSrv[] srvs = new RsmSrv[NSRV];
  private int leader;

  static RsmTester makeTest(int maxraftstate) {
    return new RsmTester(maxraftstate);
  }

  private RsmTester(int maxraftstate) {
    this.maxraftstate = maxraftstate;
    init(NSRV, true, this::mksrv);
    this.g = group(GRP0);
  }

  private List<Object> mksrv(ClientEnd[] ends, int grp, int srv, Persister persister) {
    RsmSrv s = new RsmSrv(this, srv, ends, persister);
    synchronized (this) {
      srvs[srv] = s;
    }
    // The server and its Raft peer: the tester kills both when it shuts the server down.
    return List.of(s, s.raft());
  }

  synchronized RsmSrv srv(int i) {
    return srvs[i];
  }

  private static boolean inPartition(int s, int[] p) {
    if (p == null) {
      return true;
    }
    for (int i : p) {
      if (s == i) {
        return true;
      }
    }
    return false;
  }

  /**
   * Submits {@code req} to the servers in {@code p} (all if null), the last known leader first,
   * until one returns OK; gives up after {@value #NSEC} s and returns null.
   */
  Object onePartition(int[] p, Object req) {
    long t0 = System.nanoTime();
    while ((System.nanoTime() - t0) / 1e9 < NSEC) {
      int index;
      synchronized (this) {
        index = leader;
      }
      for (int k = 0; k < NSRV; k++) {
        if (g.isConnected(index)) {
          RsmSrv s = srv(index);
          Rsm rsm = s == null ? null : s.rsm();
          if (rsm != null && inPartition(index, p)) {
            SubmitResult r = rsm.submit(req);
            if (r == null) {
              throw fatalf("Rsm.submit on server %d returned null: return a SubmitResult", index);
            }
            if (r.err() == Err.OK) {
              synchronized (this) {
                leader = index;
              }
              return r.result();
            }
          }
        }
        index = (index + 1) % NSRV;
      }
      sleep(50);
    }
    return null;
  }

  /** Submits an Inc; it must succeed (Go dereferences the reply). */
  RsmSrv.IncRep oneInc() {
    Object rep = onePartition(null, new RsmSrv.Inc());
    if (rep == null) {
      throw fatalf(
          "no server completed submit(Inc) within %d s (is a leader elected, and does"
              + " submit return OK with doOp's result?)",
          NSEC);
    }
    if (!(rep instanceof RsmSrv.IncRep inc)) {
      throw fatalf("submit(Inc) returned %s instead of doOp's IncRep", rep);
    }
    return inc;
  }

  /** Submits a Null; returns null if no server took it within {@value #NSEC} s. */
  Object oneNull() {
    return onePartition(null, new RsmSrv.Null());
  }

  /** At least {@code nsrv} servers must reach counter {@code v}, within about 30 s. */
  void checkCounter(int v, int nsrv) {
    long to = 10;
    int n = 0;
    for (int iters = 0; iters < 30; iters++) {
      n = countValue(v);
      if (n >= nsrv) {
        return;
      }
      sleep(to);
      if (to < 1000) {
        to *= 2;
      }
    }
    throw fatalf("checkCounter: only %d srvs have %d instead of %d", n, v, nsrv);
  }

  private int countValue(int v) {
    int i = 0;
    for (int k = 0; k < NSRV; k++) {
      RsmSrv s = srv(k);
      if (s != null && s.counter() == v) {
        i += 1;
      }
    }
    return i;
  }

  int disconnectLeader() {
    int l;
    synchronized (this) {
      l = leader;
    }
    g.disconnectAll(l);
    return l;
  }

  void connect(int i) {
    g.connectOne(i);
  }
}
