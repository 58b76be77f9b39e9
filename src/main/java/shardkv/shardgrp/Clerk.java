package shardkv.shardgrp;

import java.util.List;
import kvapi.Clnt;
import kvapi.Err;
import kvapi.IKVClerk;

/**
 * A client of one shard group: you fill it in for Lab 5A (Go's {@code shardgrp.Clerk}). The
 * controller uses it to move shards, and the sharded clerk ({@code shardkv.client.Clerk}) to Get
 * and Put.
 *
 * <p>Send each request with {@code clnt.call(server, "KVServer.get", args, reply)} (and {@code
 * "KVServer.put"}, {@code "KVServer.freezeShard"}, {@code "KVServer.installShard"}, {@code
 * "KVServer.deleteShard"}) to the group's servers, named in {@code servers}. As the Lab 4 clerk: on
 * a lost reply or ErrWrongLeader try the next server, remember the leader, and pause briefly after
 * trying every server once. Unlike it, return ErrWrongGroup to the caller (the group no longer
 * serves that shard: the caller should re-query the configuration); and do not retry forever if the
 * whole group stays down (the group may have left: give up after a while with an error of your
 * choice, so the sharded clerk can query the controller again).
 *
 * <p>Put and resends: as in Lab 2 and 4, ErrVersion in reply to a resent Put becomes ErrMaybe.
 *
 * <p>One thread at a time uses a Clerk; its methods may block as long as it takes.
 */
public class Clerk implements IKVClerk {
  private final Clnt clnt; // the way to the servers
  private final List<String> servers; // the group's servers' names

  // You will have to add fields here (5A).

  private Clerk(Clnt clnt, List<String> servers) {
    this.clnt = clnt;
    this.servers = List.copyOf(servers);
  }

  /** A clerk of the group whose servers are named {@code servers} (Go's MakeClerk). */
  public static Clerk make(Clnt clnt, List<String> servers) {
    return new Clerk(clnt, servers);
  }

  /** The value and version of {@code key}, ErrNoKey, or ErrWrongGroup (see the class comment). */
  @Override
  public GetResult get(String key) {
    // Your code here (5A).
    return new GetResult("", 0, Err.ErrNoKey);
  }

  /** Puts {@code value} under {@code key} at {@code version}; see the class comment. */
  @Override
  public Err put(String key, String value, long version) {
    // Your code here (5A).
    return Err.ErrNoKey;
  }

  /** The state and error of a {@link #freezeShard}. */
  public record FreezeResult(byte[] state, Err err) {}

  /**
   * Asks the group to freeze shard {@code shard} for configuration {@code num}; returns the shard's
   * state (to give to {@link #installShard} of the new group) and OK.
   */
  public FreezeResult freezeShard(int shard, int num) {
    // Your code here (5A).
    return new FreezeResult(null, Err.ErrNoKey);
  }

  /** Asks the group to install {@code state} as shard {@code shard} of configuration num. */
  public Err installShard(int shard, byte[] state, int num) {
    // Your code here (5A).
    return Err.ErrNoKey;
  }

  /** Asks the group to delete the frozen shard {@code shard} (moved away in configuration num). */
  public Err deleteShard(int shard, int num) {
    // Your code here (5A).
    return Err.ErrNoKey;
  }
}
