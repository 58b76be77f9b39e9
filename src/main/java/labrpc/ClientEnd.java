package labrpc;

import java.util.Objects;
import labgob.LabGob;
import labgob.LabGobException;

/**
 * One end of a one-way channel from a client to a server: what a Raft peer holds for each of its
 * peers ({@code peers[i]}). Made by {@link Network#makeEnd}; the tester connects, enables and
 * disables it to build partitions.
 */
public final class ClientEnd {
  private final String name;
  private final Network net;

  ClientEnd(String name, Network net) {
    this.name = name;
    this.net = net;
  }

  public String name() {
    return name;
  }

  /**
   * Sends an RPC and waits for the reply, like {@code rpc.Call} in Go.
   *
   * <p>{@code svcMeth} names the handler as {@code "Service.method"}, e.g. {@code
   * "Raft.requestVote"}. {@code args} is encoded at once (so later changes to it are not seen by
   * the server); the server's handler fills in a reply of the same class as {@code reply}, which is
   * copied into {@code reply} if the call succeeds.
   *
   * <p>Returns true if a reply arrived, false if the server is dead or unreachable, or the request
   * or the reply was lost: then {@code reply} is untouched. A false can take a while: up to 7
   * seconds when the tester has turned on long delays, as a real timeout would. {@code call} is
   * guaranteed to return unless the handler on the other side never does, so there is no need for
   * your own timeouts around it. Never hold a lock while calling: the call may block.
   *
   * <p>Thread-safe: many calls may be in flight on one end at once, and may complete out of order.
   * If the calling thread is interrupted the call returns false and the interrupt status is kept.
   *
   * @throws LabGobException if {@code args} cannot be encoded (the message names the field)
   * @throws IllegalArgumentException if an argument is null
   */
  public boolean call(String svcMeth, Object args, Object reply) {
    Objects.requireNonNull(svcMeth, "call: the method name is null");
    if (args == null || reply == null) {
      throw new IllegalArgumentException(
          "call(\""
              + svcMeth
              + "\", "
              + (args == null ? "null" : "args")
              + ", "
              + (reply == null ? "null" : "reply")
              + "): args and reply must not be null");
    }
    byte[] req;
    try {
      LabGob.checkType(reply.getClass());
      req = LabGob.encode(args);
    } catch (LabGobException e) {
      net.reportError("labrpc: cannot call " + svcMeth + ": " + e.getMessage(), e);
      throw e;
    }
    return net.process(this, svcMeth, req, reply);
  }

  @Override
  public String toString() {
    return "ClientEnd(" + name + ")";
  }
}
