package kvsrv;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kvapi.Err;
import kvapi.GetArgs;
import kvapi.GetReply;
import kvapi.PutArgs;
import kvapi.PutReply;
import labrpc.ClientEnd;
import raftapi.IService;
import raftapi.Persister;

/**
 * The key/value server (reference solution): a map from key to its latest value and version, under
 * one lock.
 */
public class KVServer implements IService {
  /** A key's value and the number of Puts that wrote it. */
  private record Entry(String value, long version) {}

  private final Map<String, Entry> data = new HashMap<>();

  private KVServer() {}

  public static List<Object> startKVServer(ClientEnd[] ends, int gid, int me, Persister persister) {
    return List.of(new KVServer());
  }

  public synchronized void get(GetArgs args, GetReply reply) {
    Entry e = data.get(args.key);
    if (e == null) {
      reply.value = "";
      reply.version = 0;
      reply.err = Err.ErrNoKey;
      return;
    }
    reply.value = e.value();
    reply.version = e.version();
    reply.err = Err.OK;
  }

  public synchronized void put(PutArgs args, PutReply reply) {
    Entry e = data.get(args.key);
    long current = e == null ? 0 : e.version();
    if (e == null && args.version != 0) {
      reply.err = Err.ErrNoKey;
      return;
    }
    if (args.version != current) {
      reply.err = Err.ErrVersion;
      return;
    }
    data.put(args.key, new Entry(args.value, current + 1));
    reply.err = Err.OK;
  }

  @Override
  public void kill() {}
}
