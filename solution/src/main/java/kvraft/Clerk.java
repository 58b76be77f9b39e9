package kvraft;

import kvapi.Err;
import kvapi.GetArgs;
import kvapi.GetReply;
import kvapi.IKVClerk;
import kvapi.PutArgs;
import kvapi.PutReply;
import labrpc.ClientEnd;

/**
 * A client of the replicated key/value service (reference solution of Lab 4B).
 *
 * <p>It sends each request to the server it last found to be the leader, and tries the others in
 * turn when a call fails or the server is not the leader, pausing after each full round so that an
 * election can finish.
 */
public class Clerk implements IKVClerk {
  private static final long ROUND_PAUSE_MS = 100;

  private final ClientEnd[] servers;
  private int leader; // the server that answered last; one thread at a time uses a Clerk

  private Clerk(ClientEnd[] servers) {
    this.servers = servers;
  }

  /** A clerk that talks to the service through {@code servers} (one end per server). */
  public static Clerk make(ClientEnd[] servers) {
    return new Clerk(servers);
  }

  @Override
  public GetResult get(String key) {
    GetArgs args = new GetArgs(key);
    for (int tried = 0; ; tried++) {
      int i = (leader + tried) % servers.length;
      GetReply reply = new GetReply();
      if (servers[i].call("KVServer.get", args, reply) && reply.err != Err.ErrWrongLeader) {
        leader = i;
        return reply.err == Err.OK
            ? new GetResult(reply.value, reply.version, Err.OK)
            : new GetResult("", 0, reply.err);
      }
      pauseAfterRound(tried);
    }
  }

  @Override
  public Err put(String key, String value, long version) {
    PutArgs args = new PutArgs(key, value, version);
    // After an attempt without a clear answer (no reply, or a leader that lost its leadership),
    // that attempt may still have happened: ErrVersion then means "maybe".
    boolean uncertain = false;
    for (int tried = 0; ; tried++) {
      int i = (leader + tried) % servers.length;
      PutReply reply = new PutReply();
      boolean ok = servers[i].call("KVServer.put", args, reply);
      if (ok && reply.err != Err.ErrWrongLeader) {
        leader = i;
        return reply.err == Err.ErrVersion && uncertain ? Err.ErrMaybe : reply.err;
      }
      uncertain = true;
      pauseAfterRound(tried);
    }
  }

  private void pauseAfterRound(int tried) {
    if ((tried + 1) % servers.length == 0) {
      try {
        Thread.sleep(ROUND_PAUSE_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
