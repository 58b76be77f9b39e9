package kvraft;

import kvapi.Err;
import kvapi.IKVClerk;
import labrpc.ClientEnd;

/**
 * A client of the replicated key/value service: you fill it in for Lab 4B.
 *
 * <p>Send each request with {@code servers[i].call("KVServer.get", args, reply)} (or {@code
 * "KVServer.put"}). A call returns false when the server cannot be reached or the reply is lost; a
 * reply of ErrWrongLeader means "try another server". Keep trying, server after server, until a
 * leader answers, and remember which server that was: the next request goes there first (the speed
 * tests need it). Pause briefly (say 100 ms) after trying every server once, to let an election
 * finish.
 *
 * <p>Put and resends: if a Put's reply was lost, it may have happened. When a resent Put then gets
 * ErrVersion, return ErrMaybe; ErrVersion on the first attempt is returned as ErrVersion.
 *
 * <p>One thread at a time uses a Clerk; its methods may block as long as it takes.
 */
public class Clerk implements IKVClerk {
  private final ClientEnd[] servers; // one end per server, in the servers' order

  // Your definitions here (4B).

  private Clerk(ClientEnd[] servers) {
    this.servers = servers;
  }

  /** A clerk that talks to the service through {@code servers}. Must return quickly. */
  public static Clerk make(ClientEnd[] servers) {
    return new Clerk(servers);
  }

  /**
   * Fetches the current value and version of {@code key}: ("", 0, ErrNoKey) if it does not exist.
   * Keeps trying forever in the face of all other errors.
   */
  @Override
  public GetResult get(String key) {
    // Your code here (4B).
    return new GetResult("", 0, Err.ErrNoKey);
  }

  /**
   * Puts {@code value} under {@code key} if its version is {@code version}; see the class comment
   * for ErrVersion and ErrMaybe. Keeps trying forever in the face of all other errors.
   */
  @Override
  public Err put(String key, String value, long version) {
    // Your code here (4B).
    return Err.ErrWrongLeader;
  }
}
