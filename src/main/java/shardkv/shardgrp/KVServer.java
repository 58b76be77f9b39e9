package shardkv.shardgrp;

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
import shardkv.shardrpc.DeleteShardArgs;
import shardkv.shardrpc.DeleteShardReply;
import shardkv.shardrpc.FreezeShardArgs;
import shardkv.shardrpc.FreezeShardReply;
import shardkv.shardrpc.InstallShardArgs;
import shardkv.shardrpc.InstallShardReply;

/**
 * A server of one shard group: you fill it in for Lab 5A (Go's {@code shardgrp.KVServer}). A shard
 * group is a Lab 4 key/value service (its replicas agree through your {@link Rsm} on your Raft)
 * that serves only the shards the configuration gives it, and that hands shards over to other
 * groups when the controller moves them.
 *
 * <p>RPC handlers (service {@code "KVServer"}), each submitted through the Rsm and executed in
 * {@link #doOp} on every replica:
 *
 * <ul>
 *   <li>{@code KVServer.get}, {@code KVServer.put}: as in Lab 4, for keys of shards this group
 *       owns; ErrWrongGroup for a key of a shard it does not own (or has frozen).
 *   <li>{@code KVServer.freezeShard}: stop serving the shard (reject its Gets and Puts from now on)
 *       and return its keys, values and versions.
 *   <li>{@code KVServer.installShard}: take on the shard with the given state, and serve it.
 *   <li>{@code KVServer.deleteShard}: forget the frozen shard.
 * </ul>
 *
 * <p>The shard-moving RPCs carry the number of the configuration the controller is moving to: use
 * it to ignore a request that is older than one already executed (a resent or delayed request must
 * not freeze, install or delete a shard twice). All handlers return ErrWrongLeader when the Rsm
 * does.
 *
 * <p>Threads: handlers run on labrpc's threads, several at once, and may block in submit. doOp,
 * snapshot and restore are called by the Rsm's reader thread.
 */
public class KVServer implements StateMachine, IService {
  private final int me;
  private final int gid;
  private final AtomicBoolean dead = new AtomicBoolean();
  private Rsm rsm;

  // Your definitions here (5A).

  private KVServer(int gid, int me) {
    this.gid = gid;
    this.me = me;
  }

  /**
   * Starts server {@code me} of shard group {@code gid} (Go's StartServerShardGrp): makes the Rsm
   * (and so the Raft peer) on {@code servers}, and returns the objects the tester serves over RPC:
   * this server and its Raft peer. {@code maxraftstate} is the size of Raft's persisted state at
   * which to snapshot (-1: never). Must return quickly: start threads for long-running work.
   */
  public static List<Object> startServerShardGrp(
      ClientEnd[] servers, int gid, int me, Persister persister, int maxraftstate) {
    KVServer kv = new KVServer(gid, me);
    kv.rsm = Rsm.make(servers, me, persister, maxraftstate, kv);
    // Your code here (5A), if you need more.
    return List.of(kv, kv.rsm.raft());
  }

  /** Executes a committed request (one of the handlers' argument types); returns its reply. */
  @Override
  public Object doOp(Object req) {
    // Your code here (5A).
    return null;
  }

  /** This server's whole state (every shard it holds and what it knows), encoded with labgob. */
  @Override
  public byte[] snapshot() {
    // Your code here (5A).
    return new byte[0];
  }

  /** Replaces this server's state with the one in {@code data}. */
  @Override
  public void restore(byte[] data) {
    // Your code here (5A).
  }

  /** RPC handler {@code KVServer.get}. */
  public void get(GetArgs args, GetReply reply) {
    // Your code here (5A).
    reply.err = Err.ErrWrongLeader;
  }

  /** RPC handler {@code KVServer.put}. */
  public void put(PutArgs args, PutReply reply) {
    // Your code here (5A).
    reply.err = Err.ErrWrongLeader;
  }

  /**
   * RPC handler {@code KVServer.freezeShard}: freeze shard {@code args.shard} (reject its Gets and
   * Puts from now on) and return the key/values stored in it.
   */
  public void freezeShard(FreezeShardArgs args, FreezeShardReply reply) {
    // Your code here (5A).
    reply.err = Err.ErrWrongLeader;
  }

  /** RPC handler {@code KVServer.installShard}: install {@code args.state} as shard args.shard. */
  public void installShard(InstallShardArgs args, InstallShardReply reply) {
    // Your code here (5A).
    reply.err = Err.ErrWrongLeader;
  }

  /** RPC handler {@code KVServer.deleteShard}: delete shard {@code args.shard}. */
  public void deleteShard(DeleteShardArgs args, DeleteShardReply reply) {
    // Your code here (5A).
    reply.err = Err.ErrWrongLeader;
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
