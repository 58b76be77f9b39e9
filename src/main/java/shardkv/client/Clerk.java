package shardkv.client;

import kvapi.Clnt;
import kvapi.Err;
import kvapi.IKVClerk;
import shardkv.shardctrler.ShardCtrler;

/**
 * The client of the sharded key/value service: you fill it in for Lab 5A (Go's {@code
 * shardkv.Clerk}, in {@code shardkv1/client.go}). It finds the shard of a key with {@code
 * ShardCfg.key2Shard(key)}, the group serving that shard in the configuration ({@code
 * sck.query()}), and sends the request to that group through a {@code shardgrp.Clerk} ({@code
 * shardgrp.Clerk.make(clnt, servers)}). When the group answers ErrWrongGroup, or cannot be reached,
 * the configuration has changed: query the controller again and retry.
 *
 * <p>The rules are those of {@code kvapi.IKVClerk}: Get returns the value and version or ErrNoKey;
 * Put returns OK, ErrVersion, ErrNoKey or ErrMaybe (a resent Put that met ErrVersion, also when the
 * resend went to a different group).
 *
 * <p>One thread at a time uses a Clerk; its methods may block as long as it takes.
 */
public class Clerk implements IKVClerk {
  private final Clnt clnt; // the way to the servers
  private final ShardCtrler sck; // ask it for the current configuration

  // You will have to add fields here (5A).

  private Clerk(Clnt clnt, ShardCtrler sck) {
    this.clnt = clnt;
    this.sck = sck;
  }

  /**
   * The tester calls make and passes in a controller, so that the clerk can call its query method
   * (Go's MakeClerk). Must return quickly.
   */
  public static IKVClerk make(Clnt clnt, ShardCtrler sck) {
    Clerk ck = new Clerk(clnt, sck);
    // You will have to add code here (5A).
    return ck;
  }

  /** The value and version of {@code key}, from the group that serves its shard. */
  @Override
  public GetResult get(String key) {
    // Your code here (5A).
    return new GetResult("", 0, Err.ErrNoKey);
  }

  /** Puts {@code value} under {@code key} at {@code version}, at the group serving its shard. */
  @Override
  public Err put(String key, String value, long version) {
    // Your code here (5A).
    return Err.ErrNoKey;
  }
}
