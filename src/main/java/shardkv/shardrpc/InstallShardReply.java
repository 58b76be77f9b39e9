package shardkv.shardrpc;

import kvapi.Err;

/** The reply of {@code KVServer.installShard}: OK, ErrWrongLeader or ErrWrongGroup. */
public class InstallShardReply {
  public Err err;

  public InstallShardReply() {}

  @Override
  public String toString() {
    return "InstallShardReply{" + err + "}";
  }
}
