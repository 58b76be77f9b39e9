package tester;

import diagnostics.EventLog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import labrpc.Network;
import labrpc.Server;
import labrpc.Service;

/**
 * A group of servers that replicate together (one Raft cluster), the Java port of {@code
 * tester1/group.go}: starting, shutting down and restarting servers, and connecting them in any
 * pattern. Server {@code i} of group {@code gid} is named {@code server-<gid>-<i>}.
 *
 * <p>"Disconnect" cuts a server off from the others in both directions, as if its network cable
 * were pulled; the server keeps running. "Shutdown" is a crash: disconnect, delete the server from
 * the network (so replies still in flight are lost), and kill its services.
 */
public final class ServerGrp {
  private final Network net;
  private final Srv[] srvs;
  private final String[] servernames;
  private final int gid;
  private final boolean[] connected;
  private final FStartServer mks;
  private final EventLog events;

  ServerGrp(Network net, int gid, int n, FStartServer mks, EventLog events) {
    this.net = net;
    this.events = events;
    this.gid = gid;
    this.mks = mks;
    this.srvs = new Srv[n];
    this.connected = new boolean[n];
    this.servernames = new String[n];
    for (int i = 0; i < n; i++) {
      srvs[i] = Srv.make(net, gid, n);
      servernames[i] = serverName(gid, i);
    }
  }

  public static String serverName(int gid, int i) {
    return "server-" + gid + "-" + i;
  }

  /** The group's id. */
  public int gid() {
    return gid;
  }

  public int n() {
    return srvs.length;
  }

  public String[] srvNames() {
    return servernames.clone();
  }

  /** The services server {@code i} runs now (empty while it is shut down). */
  public synchronized List<Object> services(int i) {
    return srvs[i].svcs == null ? List.of() : List.copyOf(srvs[i].svcs);
  }

  int[] all() {
    int[] all = new int[srvs.length];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    return all;
  }

  /** Reconnects every server to every other. */
  public void connectAll() {
    for (int i = 0; i < srvs.length; i++) {
      connectOne(i);
    }
  }

  /** Connects server {@code i} to all servers that are connected. */
  public void connectOne(int i) {
    connect(i, all());
    events.add(gid, i, "connect", "connected");
  }

  private void connect(int i, int[] to) {
    synchronized (this) {
      connected[i] = true;
    }
    // Outgoing ends of i.
    srvs[i].connect(this, to);
    // Incoming: the ends of the others that lead to i.
    for (int j : to) {
      if (isConnected(j)) {
        net.enable(srvs[j].endNames[i], true);
      }
    }
  }

  private void disconnect(int i, int[] from) {
    synchronized (this) {
      connected[i] = false;
    }
    srvs[i].disconnect(from);
    for (int j : from) {
      net.enable(srvs[j].endNames[i], false);
    }
  }

  /** Cuts server {@code i} off from all others, in both directions. */
  public void disconnectAll(int i) {
    disconnect(i, all());
    events.add(gid, i, "disconnect", "disconnected from all");
  }

  /**
   * Cuts one direction of one link: server {@code from} can no longer reach server {@code to} (its
   * requests are lost, and so are the replies to requests in flight), while {@code to} may still
   * reach {@code from}. Both stay "connected" for the checkers. {@link #connectAll} (or {@link
   * #connectLink}) repairs it. A raftlab addition, for asymmetric networks.
   */
  public void disconnectLink(int from, int to) {
    Srv s;
    synchronized (this) {
      s = srvs[from];
    }
    net.enable(s.endNames[to], false);
    events.add(gid, from, "link", "cannot reach " + to);
  }

  /** Repairs what {@link #disconnectLink} cut: server {@code from} can reach {@code to} again. */
  public void connectLink(int from, int to) {
    Srv s;
    synchronized (this) {
      s = srvs[from];
    }
    net.enable(s.endNames[to], true);
    events.add(gid, from, "link", "can reach " + to);
  }

  /**
   * Holds back (or releases) the replies to the calls server {@code from} makes to server {@code
   * to}: the requests arrive and are handled, the replies wait until released, then arrive late,
   * whatever the links are by then (see {@link Network#holdReplies}). A raftlab addition.
   */
  public void holdReplies(int from, int to, boolean yes) {
    Srv s;
    synchronized (this) {
      s = srvs[from];
    }
    net.holdReplies(s.endNames[to], yes);
    events.add(
        gid,
        from,
        yes ? "hold" : "release",
        (yes ? "replies from " : "delivers held replies from ") + to);
  }

  /**
   * Starts (or, with a null {@code svcMeth}, stops) keeping the newest request of method {@code
   * svcMeth} that server {@code from} sends to server {@code to}, whether the network delivers it
   * or not, for {@link #deliverAgain}; once stopped, the request kept last stays available (see
   * {@link Network#recordRequests}). A raftlab addition.
   */
  public void recordRequests(int from, int to, String svcMeth) {
    Srv s;
    synchronized (this) {
      s = srvs[from];
    }
    net.recordRequests(s.endNames[to], svcMeth);
    events.add(
        gid,
        from,
        "record",
        svcMeth == null
            ? "keeps its last request to " + to
            : "records its " + svcMeth + " to " + to);
  }

  /**
   * Has the network deliver again to server {@code to} the newest request recorded from server
   * {@code from} (see {@link #recordRequests}), and waits for its handler; the reply is thrown
   * away. True if the handler ran. A raftlab addition: a network may duplicate or long delay a
   * request, and a server must handle it again correctly.
   */
  public boolean deliverAgain(int from, int to) {
    Srv s;
    synchronized (this) {
      s = srvs[from];
    }
    return net.deliverAgain(s.endNames[to]);
  }

  public synchronized boolean isConnected(int i) {
    return connected[i];
  }

  /** The largest Raft state any server of the group has persisted, in bytes. */
  public synchronized int logSize() {
    int max = 0;
    for (Srv s : srvs) {
      if (s.saved != null) {
        max = Math.max(max, s.saved.raftStateSize());
      }
    }
    return max;
  }

  /** The largest snapshot any server of the group has persisted, in bytes. */
  public synchronized int snapshotSize() {
    int max = 0;
    for (Srv s : srvs) {
      if (s.saved != null) {
        max = Math.max(max, s.saved.snapshotSize());
      }
    }
    return max;
  }

  /** Starts server {@code i} afresh (after a shutdown): new ends, a copy of its persister. */
  public void startServer(int i) {
    Srv srv;
    synchronized (this) {
      srv = srvs[i].startServer(gid);
      srvs[i] = srv;
    }
    List<Object> svcs = mks.start(srv.clntEnds, gid, i, srv.saved);
    synchronized (this) {
      srv.svcs = new ArrayList<>(svcs);
    }
    Server labsrv = new Server();
    for (Object svc : svcs) {
      labsrv.addService(new Service(svc));
    }
    net.addServer(serverName(gid, i), labsrv);
    events.add(gid, i, "start", "started");
  }

  /** Starts every server and connects them all. */
  public void startServers() {
    for (int i = 0; i < srvs.length; i++) {
      startServer(i);
    }
    connectAll();
  }

  /** Crashes server {@code i}: disconnect, delete from the network, copy its persister, kill. */
  public void shutdownServer(int i) {
    disconnect(i, all());
    // Delete the server before the persister is copied, so that a reply from the old instance
    // can never acknowledge a write that went into the superseded persister.
    net.deleteServer(serverName(gid, i));
    Srv srv;
    synchronized (this) {
      srv = srvs[i];
    }
    srv.shutdownServer();
    events.add(gid, i, "crash", "shut down (crashed)");
  }

  /**
   * Crashes server {@code i} the instant one of its handlers has returned its next reply, once, as
   * {@link #shutdownServer} does: the restarted server will have exactly what was persisted when
   * that handler returned. Then {@code afterCrash} runs, on the caller's thread, before the reply
   * travels on (a test restarts the server there and arranges its links), and the reply is
   * delivered: it was already on the wire. So only a step the server did not make durable before
   * replying is lost, and the caller acts on it all the same. A raftlab addition (see {@link
   * Network#setReplyTrap}); {@link #clearCrashAfterReply} takes it back. Returns a latch that opens
   * once the crash and {@code afterCrash} are done.
   */
  public CountDownLatch crashAfterNextReply(int i, Runnable afterCrash) {
    CountDownLatch done = new CountDownLatch(1);
    events.tester("server " + i + " will crash the instant it has replied to its next request");
    net.setReplyTrap(
        serverName(gid, i),
        svcMeth -> {
          events.add(i, "crash", "crashes the instant it has replied to " + svcMeth);
          try {
            shutdownServer(i);
            afterCrash.run();
          } catch (RuntimeException | AssertionError e) {
            // This runs on the caller's thread, a thread of the student's code: report it to the
            // test rather than throw it at them.
            Config cfg = Config.current();
            if (cfg == null) {
              throw e;
            }
            cfg.fail(
                "the tester's crash of server " + i + " after a reply failed: " + e,
                Failures.stackOf(e));
          } finally {
            done.countDown();
          }
          return true;
        });
    return done;
  }

  /** Takes back a {@link #crashAfterNextReply} that has not sprung. */
  public void clearCrashAfterReply(int i) {
    net.setReplyTrap(serverName(gid, i), null);
  }

  public void shutdown() {
    for (int i = 0; i < srvs.length; i++) {
      shutdownServer(i);
    }
  }

  /** Splits the group into a majority and a minority, with server {@code l} in the minority. */
  public int[][] makePartition(int l) {
    int n = srvs.length;
    int[] p1 = new int[n / 2 + 1];
    int[] p2 = new int[n / 2];
    int j = 0;
    for (int i = 0; i < n; i++) {
      if (i != l) {
        if (j < p1.length) {
          p1[j] = i;
        } else {
          p2[j - p1.length] = i;
        }
        j++;
      }
    }
    p2[p2.length - 1] = l;
    return new int[][] {p1, p2};
  }

  /** Connects the servers within p1 and within p2, and disconnects the two sides. */
  public void partition(int[] p1, int[] p2) {
    events.tester("partition " + Arrays.toString(p1) + " " + Arrays.toString(p2));
    for (int i : p1) {
      disconnect(i, p2);
      connect(i, p1);
    }
    for (int i : p2) {
      disconnect(i, p1);
      connect(i, p2);
    }
  }

  /** RPCs that reached server {@code i}. */
  public int rpcCount(int i) {
    return net.getCount(serverName(gid, i));
  }

  void cleanup() {
    for (int i = 0; i < srvs.length; i++) {
      List<Object> svcs;
      synchronized (this) {
        svcs = srvs[i].svcs;
      }
      if (svcs != null) {
        for (Object svc : svcs) {
          Srv.kill(svc);
        }
      }
    }
  }
}
