package kvraft;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import kvapi.Err;
import kvapi.GetArgs;
import kvapi.GetReply;
import kvapi.PutArgs;
import kvapi.PutReply;
import kvapi.StateMachine;
import kvraft.rsm.Rsm;
import labrpc.ClientEnd;
import raftapi.IService;
import raftapi.Persister;

/**
 * A key/value server replicated with Raft: this is the file you fill in for Lab 4B (and 4C).
 *
 * <p>Clerks call {@code KVServer.get} and {@code KVServer.put} over labrpc. Each handler hands its
 * request to {@link Rsm#submit}, which runs it through the Raft log; every replica then executes it
 * in {@link #doOp}, in log order, so that all replicas hold the same map from key to (value,
 * version).
 *
 * <p>The rules (Go's kvsrv1): Get returns the value and version, or ErrNoKey. Put happens only if
 * its version equals the key's version (0 for a new key), and then increments the version;
 * otherwise it returns ErrVersion (ErrNoKey for a missing key and a version other than 0). Handlers
 * return ErrWrongLeader when submit does.
 *
 * <p>Threads: handlers run on labrpc's threads, several at once, and may block in submit. doOp,
 * snapshot and restore are called by the Rsm's reader thread.
 */
public class KVServer implements StateMachine, IService {
  private final int me;
  private final AtomicBoolean dead = new AtomicBoolean();
  private Rsm rsm;

  // Your definitions here (4B).

  private KVServer(int me) {
    this.me = me;
  }

  /**
   * Starts server {@code me}: makes the Rsm (and so the Raft peer) on {@code servers}, and returns
   * the objects the tester serves over RPC: this server and its Raft peer. {@code maxraftstate} is
   * the size of Raft's persisted state at which to snapshot (-1: never). Must return quickly.
   */
  public static List<Object> startKVServer(
      ClientEnd[] servers, int gid, int me, Persister persister, int maxraftstate) {
    KVServer kv = new KVServer(me);
    kv.rsm = Rsm.make(servers, me, persister, maxraftstate, kv);
    // Your code here (4B), if you need more.
    return List.of(kv, kv.rsm.raft());
  }

  /** Executes a committed request (a GetArgs or a PutArgs) and returns its reply. */
  @Override
  public Object doOp(Object req) {
    // Your code here (4B).
    return null;
  }

  /** RPC handler {@code KVServer.get}. */
  public void get(GetArgs args, GetReply reply) {
    // Your code here (4B): submit args, and fill in reply from the result.
    reply.err = Err.ErrWrongLeader;
  }

  /** RPC handler {@code KVServer.put}. */
  public void put(PutArgs args, PutReply reply) {
    // Your code here (4B): submit args, and fill in reply from the result.
    reply.err = Err.ErrWrongLeader;
  }

  /** The whole map, encoded with labgob.LabEncoder (Lab 4C). */
  @Override
  public byte[] snapshot() {
    // Your code here (4C).
    return new byte[0];
  }

  /** Replaces the map with the one in {@code data} (Lab 4C). */
  @Override
  public void restore(byte[] data) {
    // Your code here (4C).
  }

  /**
   * The tester calls kill() when it shuts this server down. Must return quickly; waiting requests
   * should then fail (kill the Rsm).
   */
  @Override
  public void kill() {
    dead.set(true);
    rsm.kill();
    // Your code here, if desired.
  }

  public boolean killed() {
    return dead.get();
  }
}
