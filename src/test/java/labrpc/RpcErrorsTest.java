package labrpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import labgob.LabGobException;
import labrpc.JunkServer.IntReply;
import labrpc.JunkServer.StringReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Programming errors get a clear message that names the service, method, class or field and says
 * what to do; the error reaches the network's listener (the tester fails the test with it), the
 * call returns false or throws, and nothing else breaks.
 */
class RpcErrorsTest {
  private final Network rn = new Network(1);
  private final List<String> errors = new CopyOnWriteArrayList<>();
  private final List<Throwable> causes = new CopyOnWriteArrayList<>();
  private ClientEnd e;

  /** Arguments that hold a lock, which cannot be sent. */
  public static class LockedArgs {
    int term;
    ReentrantLock mu = new ReentrantLock();
  }

  /** A reply without a no-argument constructor. */
  public static class NoDefaultReply {
    int x;

    public NoDefaultReply(int x) {
      this.x = x;
    }
  }

  /** A server whose handler takes such a reply. */
  public static class OddServer {
    public void odd(Integer args, NoDefaultReply reply) {
      reply.x = args;
    }
  }

  @BeforeEach
  void setUp() {
    rn.setErrorListener(
        (message, cause) -> {
          errors.add(message);
          causes.add(cause == null ? new Throwable("none") : cause);
        });
    e = rn.makeEnd("e");
    Server rs = new Server();
    rs.addService(new Service(new JunkServer()));
    rs.addService(new Service(new OddServer()));
    rn.addServer("s", rs);
    rn.connect("e", "s");
    rn.enable("e", true);
  }

  @AfterEach
  void cleanup() {
    rn.cleanup();
  }

  @Test
  void unknownMethodListsTheValidOnes() {
    assertFalse(e.call("JunkServer.Handler2", 1, new StringReply()));
    assertEquals(1, errors.size());
    String msg = errors.get(0);
    assertTrue(msg.contains("unknown method Handler2 in JunkServer.Handler2"), msg);
    assertTrue(msg.contains("JunkServer.handler2"), "should list the valid methods: " + msg);
  }

  @Test
  void unknownServiceListsTheValidOnes() {
    assertFalse(e.call("Junk.handler2", 1, new StringReply()));
    String msg = errors.get(0);
    assertTrue(msg.contains("unknown service in \"Junk.handler2\""), msg);
    assertTrue(msg.contains("JunkServer.handler2"), msg);
  }

  @Test
  void handlerThatThrowsIsReportedWithItsStackAndTheCallFails() {
    assertFalse(e.call("JunkServer.crash", 5, new IntReply()));
    String msg = errors.get(0);
    assertTrue(
        msg.contains(
            "handler JunkServer.crash threw java.lang.IllegalStateException: " + "handler bug 5"),
        msg);
    assertTrue(causes.get(0) instanceof IllegalStateException);
    assertEquals("crash", causes.get(0).getStackTrace()[0].getMethodName());
    // The server keeps working.
    StringReply ok = new StringReply();
    assertTrue(e.call("JunkServer.handler2", 7, ok));
    assertEquals("handler2-7", ok.x);
  }

  @Test
  void argumentsThatCannotBeEncodedNameTheField() {
    LabGobException x =
        assertThrows(
            LabGobException.class,
            () -> e.call("JunkServer.handler2", new LockedArgs(), new StringReply()));
    assertTrue(x.getMessage().contains("labrpc.RpcErrorsTest$LockedArgs.mu"), x.getMessage());
    assertTrue(x.getMessage().contains("ReentrantLock"), x.getMessage());
    assertTrue(x.getMessage().contains("transient"), "should say what to do: " + x.getMessage());
    assertEquals(1, errors.size(), "the test must hear about it too");
  }

  @Test
  void wrongArgumentTypeIsReported() {
    assertFalse(e.call("JunkServer.handler2", "not an int", new StringReply()));
    String msg = errors.get(0);
    assertTrue(msg.contains("JunkServer.handler2 takes arguments of type java.lang.Integer"), msg);
    assertTrue(msg.contains("java.lang.String"), msg);
  }

  @Test
  void wrongReplyTypeIsReported() {
    assertFalse(e.call("JunkServer.handler2", 1, new IntReply()));
    String msg = errors.get(0);
    assertTrue(msg.contains("fills in a labrpc.JunkServer$StringReply"), msg);
    assertTrue(msg.contains("labrpc.JunkServer$IntReply"), msg);
  }

  @Test
  void replyWithoutNoArgumentConstructorIsReported() {
    LabGobException x =
        assertThrows(
            LabGobException.class, () -> e.call("OddServer.odd", 1, new NoDefaultReply(0)));
    assertTrue(x.getMessage().contains("has no no-argument constructor"), x.getMessage());
    assertTrue(x.getMessage().contains("NoDefaultReply() {}"), x.getMessage());
  }

  @Test
  void nullArgumentsAreRejectedClearly() {
    IllegalArgumentException x =
        assertThrows(
            IllegalArgumentException.class,
            () -> e.call("JunkServer.handler2", null, new StringReply()));
    assertTrue(x.getMessage().contains("must not be null"), x.getMessage());
    assertNotNull(x);
  }

  @Test
  void duplicateEndNamesAreRejected() {
    IllegalArgumentException x =
        assertThrows(IllegalArgumentException.class, () -> rn.makeEnd("e"));
    assertTrue(x.getMessage().contains("already exists"), x.getMessage());
  }
}
