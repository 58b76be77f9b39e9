package kvsrv;

import kvapi.Clnt;
import kvapi.Err;
import kvapi.IKVClerk;

/**
 * The client of the key/value server: you fill it in for Lab 2.
 *
 * <p>Send each request with {@code clnt.call(server, "KVServer.get", args, reply)} (or {@code
 * "KVServer.put"}), using {@code kvapi.GetArgs}/{@code GetReply} and {@code PutArgs}/{@code
 * PutReply}. A call returns false when the request or its reply was lost: then send the request
 * again, after a short pause (say 100 ms), until a reply arrives.
 *
 * <p>The Put rule (Go's {@code ErrMaybe}). A lost reply leaves the clerk unsure whether the server
 * executed the Put. So:
 *
 * <ul>
 *   <li>ErrVersion in reply to the <em>first</em> attempt: return ErrVersion (the Put certainly did
 *       not happen);
 *   <li>ErrVersion in reply to a <em>resent</em> Put: return ErrMaybe (the first attempt may have
 *       happened and only its reply was lost, or another client changed the key meanwhile);
 *   <li>any other reply (OK, ErrNoKey): return it as it is.
 * </ul>
 *
 * <p>One thread at a time uses a Clerk (the lock test gives each client its own); its methods may
 * block as long as it takes to get an answer.
 */
public class Clerk implements IKVClerk {
  private final Clnt clnt; // the way to the server
  private final String server; // the server's name

  // Your definitions here (2A).

  private Clerk(Clnt clnt, String server) {
    this.clnt = clnt;
    this.server = server;
  }

  /** A clerk that talks to the server named {@code server} through {@code clnt}. */
  public static Clerk make(Clnt clnt, String server) {
    Clerk ck = new Clerk(clnt, server);
    // You may add code here.
    return ck;
  }

  /**
   * Fetches the current value and version of {@code key}: ("", 0, ErrNoKey) if it does not exist.
   * Keeps trying forever in the face of all other errors.
   */
  @Override
  public GetResult get(String key) {
    // Your code here (2A).
    return new GetResult("", 0, Err.ErrNoKey);
  }

  /**
   * Puts {@code value} under {@code key} if the key's version at the server is {@code version}; see
   * the class comment for ErrVersion and ErrMaybe. Keeps trying forever in the face of lost
   * messages.
   */
  @Override
  public Err put(String key, String value, long version) {
    // Your code here (2A, 2C).
    return Err.ErrNoKey;
  }
}
