package shardkv.shardrpc;

import kvapi.Err;

/**
 * The reply of {@code KVServer.freezeShard}: the shard's state (its keys, values and versions,
 * encoded as you like), the configuration number the group has seen, and OK, ErrWrongLeader or
 * ErrWrongGroup.
 */
public class FreezeShardReply {
  public byte[] state;
  public int num;
  public Err err;

  public FreezeShardReply() {}

  @Override
  public String toString() {
    return "FreezeShardReply{"
        + (state == null ? 0 : state.length)
        + " bytes num "
        + num
        + " "
        + err
        + "}";
  }
}
