package kvraft;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import kvapi.Err;
import kvapi.GetArgs;
import kvapi.GetReply;
import kvapi.PutArgs;
import kvapi.PutReply;
import kvapi.StateMachine;
import kvapi.SubmitResult;
import kvraft.rsm.Rsm;
import labgob.LabDecoder;
import labgob.LabEncoder;
import labrpc.ClientEnd;
import raftapi.IService;
import raftapi.Persister;

/**
 * A key/value server replicated with Raft (reference solution of Lab 4B and 4C).
 *
 * <p>The RPC handlers hand each request, as it came, to {@link Rsm#submit}, which runs it through
 * the log; every replica then executes it in {@link #doOp}, in log order, so all replicas keep the
 * same map. Gets go through the log too: a server cut off in a minority must not answer with an old
 * value. Each key has a version, and a Put happens only if it names the current version, so a Put
 * that a clerk resends can never happen twice.
 */
public class KVServer implements StateMachine, IService {
  /** A key's value and version. */
  record Entry(String value, long version) {}

  private final int me;
  private final AtomicBoolean dead = new AtomicBoolean();
  private Rsm rsm;

  // Only the Rsm's reader thread calls doOp, snapshot and restore, one at a time; the lock is for
  // anyone else who looks (the handlers never touch the map).
  private final Object lock = new Object();
  private Map<String, Entry> data = new HashMap<>();

  private KVServer(int me) {
    this.me = me;
  }

  /**
   * Starts server {@code me} of the service; returns the objects the tester serves over RPC: this
   * server (for {@code KVServer.get} and {@code KVServer.put}) and its Raft peer.
   */
  public static List<Object> startKVServer(
      ClientEnd[] servers, int gid, int me, Persister persister, int maxraftstate) {
    KVServer kv = new KVServer(me);
    kv.rsm = Rsm.make(servers, me, persister, maxraftstate, kv);
    return List.of(kv, kv.rsm.raft());
  }

  // ---- RPC handlers ----------------------------------------------------------------------------

  public void get(GetArgs args, GetReply reply) {
    SubmitResult r = rsm.submit(args);
    if (r.err() != Err.OK || !(r.result() instanceof GetReply result)) {
      reply.err = Err.ErrWrongLeader;
      return;
    }
    reply.value = result.value;
    reply.version = result.version;
    reply.err = result.err;
  }

  public void put(PutArgs args, PutReply reply) {
    SubmitResult r = rsm.submit(args);
    if (r.err() != Err.OK || !(r.result() instanceof PutReply result)) {
      reply.err = Err.ErrWrongLeader;
      return;
    }
    reply.err = result.err;
  }

  // ---- the state machine -----------------------------------------------------------------------

  @Override
  public Object doOp(Object req) {
    synchronized (lock) {
      if (req instanceof GetArgs a) {
        GetReply reply = new GetReply();
        Entry e = data.get(a.key);
        if (e == null) {
          reply.value = "";
          reply.err = Err.ErrNoKey;
        } else {
          reply.value = e.value();
          reply.version = e.version();
          reply.err = Err.OK;
        }
        return reply;
      }
      if (req instanceof PutArgs a) {
        PutReply reply = new PutReply();
        Entry e = data.get(a.key);
        long current = e == null ? 0 : e.version();
        if (a.version != current) {
          reply.err = e == null ? Err.ErrNoKey : Err.ErrVersion;
        } else {
          data.put(a.key, new Entry(a.value, current + 1));
          reply.err = Err.OK;
        }
        return reply;
      }
      throw new IllegalArgumentException("KVServer " + me + ": unknown request " + req);
    }
  }

  @Override
  public byte[] snapshot() {
    synchronized (lock) {
      LabEncoder e = new LabEncoder();
      e.encode(new HashMap<>(data));
      return e.bytes();
    }
  }

  @Override
  public void restore(byte[] snapshot) {
    LabDecoder d = new LabDecoder(snapshot);
    @SuppressWarnings("unchecked")
    Map<String, Entry> restored = d.decode(Map.class);
    synchronized (lock) {
      data = new HashMap<>(restored);
    }
  }

  // ---- shutdown --------------------------------------------------------------------------------

  /** The tester calls kill() when it shuts this server down; waiting requests then fail. */
  @Override
  public void kill() {
    dead.set(true);
    rsm.kill();
  }

  public boolean killed() {
    return dead.get();
  }
}
