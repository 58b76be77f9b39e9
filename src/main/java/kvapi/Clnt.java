package kvapi;

/**
 * A clerk's way to the servers by name (Go's {@code tester.Clnt}), given to your clerk by the
 * tester. Each server has a name, such as {@code "server-0-0"} (group 0, server 0); the tester
 * tells your clerk the names it may use.
 *
 * <pre>{@code
 * PutArgs args = new PutArgs(key, value, version);
 * PutReply reply = new PutReply();
 * boolean ok = clnt.call(server, "KVServer.put", args, reply);
 * }</pre>
 *
 * <p>The contract:
 *
 * <ul>
 *   <li>{@link #call} sends one request and waits for its reply. It returns true if the reply
 *       arrived (then {@code reply} holds it), false if the request or the reply was lost, the
 *       server is down or cut off from this clerk. A false may come after a while (up to about 100
 *       ms here; longer in the Raft labs), never an exception.
 *   <li>{@code false} does not mean the server did nothing: the request may have been executed and
 *       only the reply lost. Whether a resent request may be executed twice is the server's and
 *       your clerk's problem (Lab 2 explains it).
 *   <li>{@code args} and {@code reply} must be of the handler's argument and reply types; {@code
 *       args} is copied (as if sent over a wire), so later changes to it do not reach the server.
 *   <li>Thread-safe: several threads of one clerk may call at once.
 * </ul>
 */
public interface Clnt {

  /**
   * Calls {@code method} ({@code "Service.method"}, such as {@code "KVServer.get"}) on the server
   * named {@code server}; true if the reply arrived and is in {@code reply}.
   */
  boolean call(String server, String method, Object args, Object reply);
}
