package shardkv.shardrpc;

import kvapi.Err;

/** The reply of {@code KVServer.deleteShard}: OK, ErrWrongLeader or ErrWrongGroup. */
public class DeleteShardReply {
  public Err err;

  public DeleteShardReply() {}

  @Override
  public String toString() {
    return "DeleteShardReply{" + err + "}";
  }
}
