package tester;

import java.util.Arrays;
import labrpc.ClientEnd;
import labrpc.Network;

/**
 * A clerk's own connection to a group of servers, the Java port of {@code tester1/clnts.go}: one
 * fresh, randomly named end per server, so that the tester can cut this clerk off from some servers
 * (a client stuck in a minority partition) without touching the servers' own ends.
 *
 * <p>The clerk gets {@link #ends()}, in the group's server order; an end to a server the clerk may
 * not reach is disabled, so its calls fail as they would to a crashed server.
 */
public final class Clnt {
  private final Network net;
  private final String[] endNames;
  private final ClientEnd[] ends;

  Clnt(Network net, String[] serverNames, int[] to) {
    this.net = net;
    int n = serverNames.length;
    this.endNames = new String[n];
    this.ends = new ClientEnd[n];
    for (int i = 0; i < n; i++) {
      endNames[i] = TestRandom.unseededString(20);
      ends[i] = net.makeEnd(endNames[i]);
      net.connect(endNames[i], serverNames[i]);
    }
    connectTo(to);
  }

  /** The ends to the group's servers, one per server in server order, for the clerk. */
  public ClientEnd[] ends() {
    return ends.clone();
  }

  /** Lets the clerk reach every server again (Go's ConnectAll). */
  public synchronized void connectAll() {
    connectTo(null);
  }

  /** Lets the clerk reach only the servers in {@code to} (all of them if null). */
  public synchronized void connectTo(int[] to) {
    for (int i = 0; i < ends.length; i++) {
      int server = i;
      boolean allowed = to == null || Arrays.stream(to).anyMatch(x -> x == server);
      net.enable(endNames[i], allowed);
    }
  }

  /** Cuts the clerk off from every server. */
  public synchronized void disconnectAll() {
    connectTo(new int[0]);
  }

  synchronized void remove() {
    for (String name : endNames) {
      net.deleteEnd(name);
    }
  }
}
