package tester;

import java.util.List;
import labrpc.ClientEnd;
import labrpc.Network;
import raftapi.Persister;

/**
 * One server slot of a group, the Java port of {@code tester1/srv.go}: the server's outgoing ends
 * (one per server of the group), its persister, and the services it runs.
 *
 * <p>A restart makes a new Srv with fresh end names, so that messages the old instance still sends
 * through its old ends can never reach anyone; and a new Persister holding a copy of the old one's
 * bytes, so that the old instance, which may still be running, cannot overwrite the state the new
 * instance starts from.
 */
final class Srv {
  private final Network net;
  Persister saved;
  List<Object> svcs;
  final String[] endNames;
  final ClientEnd[] clntEnds;

  private Srv(Network net, int gid, int nsrv) {
    this.net = net;
    this.endNames = new String[nsrv];
    this.clntEnds = new ClientEnd[nsrv];
    for (int j = 0; j < nsrv; j++) {
      endNames[j] = TestRandom.unseededString(20);
      clntEnds[j] = net.makeEnd(endNames[j]);
      net.connect(endNames[j], ServerGrp.serverName(gid, j));
    }
  }

  static Srv make(Network net, int gid, int nsrv) {
    return new Srv(net, gid, nsrv);
  }

  /** A fresh Srv for a restart, with new ends and a copy of this one's persisted state. */
  synchronized Srv startServer(int gid) {
    Srv srv = new Srv(net, gid, endNames.length);
    srv.saved = saved != null ? saved.copy() : new Persister();
    return srv;
  }

  /** Enables this server's ends to the servers in {@code to} that are connected. */
  synchronized void connect(ServerGrp sg, int[] to) {
    for (int j : to) {
      if (sg.isConnected(j)) {
        net.enable(endNames[j], true);
      }
    }
  }

  synchronized void disconnect(int[] from) {
    for (int j : from) {
      net.enable(endNames[j], false);
    }
  }

  /** Kills the services; later writes of the old instance go to a Persister nobody reads. */
  synchronized void shutdownServer() {
    if (saved != null) {
      saved = saved.copy();
    }
    if (svcs != null) {
      for (Object svc : svcs) {
        kill(svc);
      }
    }
    svcs = null;
  }

  static void kill(Object svc) {
    if (svc instanceof raftapi.IService s) {
      Guard.run(s.getClass().getSimpleName() + ".kill()", s::kill);
    } else if (svc instanceof raftapi.Raft r) {
      Guard.run("Raft.kill()", r::kill);
    }
  }
}
