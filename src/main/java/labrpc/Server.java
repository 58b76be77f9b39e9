package labrpc;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server on the network: a set of {@link Service}s under one server name. The tester makes one
 * per Raft peer (holding the Raft as a service) and replaces it when the peer restarts.
 */
public final class Server {
  private final Map<String, Service> services = new ConcurrentHashMap<>();
  private final AtomicInteger count = new AtomicInteger();

  public void addService(Service svc) {
    services.put(svc.name(), svc);
  }

  /** The number of RPCs that reached this server (dropped requests are not counted). */
  public int getCount() {
    return count.get();
  }

  /** Counts the request, then runs the handler of {@code "Service.method"} on this thread. */
  Outcome dispatch(Network net, String svcMeth, byte[] args, Class<?> replyClass) {
    count.incrementAndGet();
    int dot = svcMeth.lastIndexOf('.');
    String serviceName = dot < 0 ? svcMeth : svcMeth.substring(0, dot);
    Service svc = services.get(serviceName);
    if (svc == null || dot < 0) {
      StringBuilder valid = new StringBuilder();
      for (Service s : services.values()) {
        valid.append(valid.length() == 0 ? "" : ", ").append(String.join(", ", s.methodNames()));
      }
      return Outcome.error(
          net,
          "labrpc: unknown service in \""
              + svcMeth
              + "\" (expected"
              + " \"Service.method\"); this server has: "
              + valid,
          null);
    }
    return svc.dispatch(net, svcMeth.substring(dot + 1), svcMeth, args, replyClass);
  }

  /** What a handler produced: the encoded reply, or an error already reported. */
  static final class Outcome {
    final byte[] reply;

    private Outcome(byte[] reply) {
      this.reply = reply;
    }

    static Outcome ok(byte[] reply) {
      return new Outcome(reply);
    }

    static Outcome error(Network net, String message, Throwable cause) {
      net.reportError(message, cause);
      return new Outcome(null);
    }

    boolean ok() {
      return reply != null;
    }
  }
}
