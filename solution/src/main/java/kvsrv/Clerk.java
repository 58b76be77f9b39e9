package kvsrv;

import kvapi.Clnt;
import kvapi.Err;
import kvapi.GetArgs;
import kvapi.GetReply;
import kvapi.IKVClerk;
import kvapi.PutArgs;
import kvapi.PutReply;

/**
 * The client of the key/value server (reference solution): resends each request until a reply
 * arrives; a resent Put that meets ErrVersion becomes ErrMaybe.
 */
public class Clerk implements IKVClerk {
  /** The pause before a resend. */
  static final long RETRY_MS = 100;

  private final Clnt clnt;
  private final String server;

  private Clerk(Clnt clnt, String server) {
    this.clnt = clnt;
    this.server = server;
  }

  public static Clerk make(Clnt clnt, String server) {
    return new Clerk(clnt, server);
  }

  @Override
  public GetResult get(String key) {
    GetArgs args = new GetArgs(key);
    while (true) {
      GetReply reply = new GetReply();
      if (clnt.call(server, "KVServer.get", args, reply)) {
        return new GetResult(reply.value, reply.version, reply.err);
      }
      pause();
    }
  }

  @Override
  public Err put(String key, String value, long version) {
    PutArgs args = new PutArgs(key, value, version);
    boolean resent = false;
    while (true) {
      PutReply reply = new PutReply();
      if (clnt.call(server, "KVServer.put", args, reply)) {
        if (reply.err == Err.ErrVersion && resent) {
          // An earlier attempt may have happened, its reply lost.
          return Err.ErrMaybe;
        }
        return reply.err;
      }
      resent = true;
      pause();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(RETRY_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
