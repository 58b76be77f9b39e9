package tester;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import labrpc.Network;
import labrpc.Server;
import labrpc.Service;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A clerk's connection calls servers by name, as Go's {@code tester1/clnts.go}: ends are made on
 * first use, and which servers it may reach holds for ends made later too.
 */
class ClntTest {
  /** The service every server runs: echoes its argument. */
  public static class Echo {
    public void echo(String args, EchoReply reply) {
      reply.x = args;
    }
  }

  /** The reply of {@link Echo#echo}. */
  public static class EchoReply {
    String x;
  }

  private Network net;

  @BeforeEach
  void fourServers() {
    net = new Network(1);
    for (String name : List.of("s0", "s1", "s2", "s3")) {
      Server srv = new Server();
      srv.addService(new Service(new Echo()));
      net.addServer(name, srv);
    }
  }

  @AfterEach
  void shut() {
    net.cleanup();
  }

  private static boolean reaches(Clnt clnt, String server) {
    EchoReply reply = new EchoReply();
    boolean ok = clnt.call(server, "Echo.echo", server, reply);
    assertEquals(ok ? server : null, reply.x, "the reply of " + server);
    return ok;
  }

  @Test
  void endsAreMadeOnFirstUseForAnyServerName() {
    Clnt clnt = new Clnt(net, new String[0], null);
    assertEquals(List.of(), clnt.serversCalled());

    // The first call to a server makes the clerk's end to it.
    assertTrue(reaches(clnt, "s2"));
    assertTrue(reaches(clnt, "s0"));
    assertTrue(reaches(clnt, "s2"));
    assertEquals(List.of("s0", "s2"), clnt.serversCalled());
  }

  @Test
  void afterDisconnectAllEndsMadeLaterAreDisabledToo() {
    Clnt clnt = new Clnt(net, new String[0], null);
    assertTrue(reaches(clnt, "s0"));

    clnt.disconnectAll();
    assertFalse(reaches(clnt, "s0"), "an end made before disconnectAll");
    assertFalse(reaches(clnt, "s1"), "an end made after disconnectAll");

    clnt.connectAll();
    assertTrue(reaches(clnt, "s0"));
    assertTrue(reaches(clnt, "s1"));
    assertTrue(reaches(clnt, "s3"), "an end made after connectAll");
  }

  @Test
  void connectToAllowsOnlyTheServersNamedAndDisconnectCutsOne() {
    Clnt clnt = new Clnt(net, new String[0], new String[] {"s1"});
    assertTrue(reaches(clnt, "s1"));
    assertFalse(reaches(clnt, "s0"), "not among the servers allowed at creation");

    // As in Go, connectTo enables the servers it names, now and for ends made later, and leaves
    // the others as they were.
    clnt.connectTo("s0", "s2");
    assertTrue(reaches(clnt, "s0"));
    assertTrue(reaches(clnt, "s2"), "an end made after connectTo, to a server named");
    assertFalse(reaches(clnt, "s3"), "an end made after connectTo, to a server not named");

    clnt.disconnect("s0");
    assertFalse(reaches(clnt, "s0"));
    assertTrue(reaches(clnt, "s2"));
  }

  @Test
  void aLabFourClerkGetsOneEndPerServerOfTheGroupInOrder() {
    Clnt clnt = new Clnt(net, new String[] {"s0", "s1", "s2"}, new String[] {"s0", "s2"});
    var ends = clnt.ends();
    assertEquals(3, ends.length);
    assertEquals(List.of("s0", "s1", "s2"), clnt.serversCalled());
    EchoReply reply = new EchoReply();
    assertTrue(ends[2].call("Echo.echo", "x", reply));
    assertEquals("x", reply.x);
    assertFalse(ends[1].call("Echo.echo", "x", new EchoReply()), "s1 is not allowed");
  }
}
