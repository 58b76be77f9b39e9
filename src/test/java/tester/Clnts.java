package tester;

import java.util.HashSet;
import java.util.Set;
import labrpc.Network;

/**
 * The clerks' connections of one test, the Java port of {@code tester1/clnts.go}: each {@link Clnt}
 * is made here, and every one left is removed from the network when the test ends.
 */
final class Clnts {
  private final Network net;
  private final Set<Clnt> clnts = new HashSet<>();
  private final Set<Clnt> deleted = new HashSet<>();

  Clnts(Network net) {
    this.net = net;
  }

  /**
   * A clerk's connection that may reach only the servers named {@code srvs} (null: all of them);
   * {@code groupServers} are group 0's servers, for a Lab 4 clerk's array of ends.
   */
  synchronized Clnt make(String[] groupServers, String[] srvs) {
    Clnt clnt = new Clnt(net, groupServers, srvs);
    clnts.add(clnt);
    return clnt;
  }

  /** Removes a clerk's ends from the network (Go's DeleteClient). */
  synchronized void delete(Clnt clnt) {
    // Kept closed-able: a clerk deleted during the test that is still running must stop at its end.
    if (clnts.remove(clnt)) {
      deleted.add(clnt);
      clnt.remove();
    }
  }

  /** The test has ended: closes every connection (later calls throw TestEnded) and removes it. */
  synchronized void cleanup() {
    for (Clnt c : clnts) {
      c.close();
      c.remove();
    }
    clnts.clear();
    deleted.forEach(Clnt::close);
    deleted.clear();
  }
}
