package tester;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import labrpc.ClientEnd;
import labrpc.Network;

/**
 * A clerk's own connection to the servers, the Java port of {@code tester1/clnts.go}: the clerk
 * calls servers by name ({@link #call}), and the first call to a server makes this clerk's own,
 * randomly named end to it. So the tester can cut one clerk off from some servers (a client stuck
 * in a minority partition) without touching other clerks or the servers' own ends.
 *
 * <p>Which servers the clerk may reach: all of them ({@link #connectAll}), only some ({@link
 * #connectTo}), none ({@link #disconnectAll}). As in Go, the rule also holds for ends made later:
 * an end made after {@code disconnectAll} is disabled, and one made after {@code connectTo} is
 * enabled only for the servers named. Also as in Go, {@code connectTo} enables the ends to the
 * servers it names and leaves the others as they were; {@link #disconnect} disables one.
 *
 * <p>Lab 4's clerks take an array of ends instead ({@link #ends()}, one per server of group 0, in
 * order), made the same way.
 */
public final class Clnt implements kvapi.Clnt {
  private final Network net;
  private final String[] groupServers;
  private final Map<String, String> endNames = new HashMap<>(); // server name -> end name
  private final Map<String, ClientEnd> ends = new HashMap<>(); // server name -> end

  // null: the clerk may reach every server; empty: none.
  private List<String> srvs;

  // Set when the test ends: a call then throws TestEnded (see there).
  private volatile boolean closed;

  /**
   * A clerk's connection that may reach the servers {@code srvs} (null: all); {@code groupServers}
   * are the servers of group 0, in order, for {@link #ends()}.
   */
  Clnt(Network net, String[] groupServers, String[] srvs) {
    this.net = net;
    this.groupServers = groupServers.clone();
    this.srvs = srvs == null ? null : List.of(srvs);
  }

  private boolean allowed(String server) {
    return srvs == null || srvs.contains(server);
  }

  /** This clerk's end to {@code server}, made (enabled if allowed) on first use. */
  private synchronized ClientEnd makeEnd(String server) {
    ClientEnd end = ends.get(server);
    if (end != null) {
      return end;
    }
    String name = TestRandom.unseededString(20);
    end = net.makeEnd(name);
    net.connect(name, server);
    net.enable(name, allowed(server));
    endNames.put(server, name);
    ends.put(server, end);
    return end;
  }

  @Override
  public boolean call(String server, String method, Object args, Object reply) {
    if (closed) {
      throw new TestEnded();
    }
    return makeEnd(server).call(method, args, reply);
  }

  /** The ends to the servers of group 0, in server order, for a Lab 4 clerk. */
  public ClientEnd[] ends() {
    ClientEnd[] out = new ClientEnd[groupServers.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = makeEnd(groupServers[i]);
    }
    return out;
  }

  /** Lets the clerk reach every server again (Go's ConnectAll). */
  public synchronized void connectAll() {
    for (String name : endNames.values()) {
      net.enable(name, true);
    }
    srvs = null;
  }

  /**
   * Lets the clerk reach the servers named in {@code servers}, now and for ends made later (Go's
   * ConnectTo); ends already made to other servers stay as they were.
   */
  public synchronized void connectTo(String... servers) {
    srvs = List.of(servers);
    for (Map.Entry<String, String> e : endNames.entrySet()) {
      if (allowed(e.getKey())) {
        net.enable(e.getValue(), true);
      }
    }
  }

  /** Cuts the clerk off from {@code server} (Go's Disconnect). */
  public synchronized void disconnect(String server) {
    String name = endNames.get(server);
    if (name != null) {
      net.enable(name, false);
    }
  }

  /** Cuts the clerk off from every server, including those it has not called yet. */
  public synchronized void disconnectAll() {
    for (String name : endNames.values()) {
      net.enable(name, false);
    }
    srvs = new ArrayList<>();
  }

  /** The names of the servers this clerk has an end to (for the tester's own tests). */
  synchronized List<String> serversCalled() {
    List<String> out = new ArrayList<>(endNames.keySet());
    out.sort(null);
    return out;
  }

  /** The test has ended: every later call throws {@link TestEnded}. */
  void close() {
    closed = true;
  }

  synchronized void remove() {
    for (String name : endNames.values()) {
      net.deleteEnd(name);
    }
  }

  @Override
  public String toString() {
    return "Clnt" + (srvs == null ? "(all)" : Arrays.toString(srvs.toArray()));
  }
}
