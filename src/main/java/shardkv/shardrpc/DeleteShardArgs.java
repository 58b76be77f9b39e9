package shardkv.shardrpc;

/**
 * The arguments of {@code KVServer.deleteShard}: delete the frozen shard {@code shard}, moved away
 * in configuration {@code num}.
 */
public class DeleteShardArgs {
  public int shard;
  public int num;

  public DeleteShardArgs() {}

  public DeleteShardArgs(int shard, int num) {
    this.shard = shard;
    this.num = num;
  }

  @Override
  public String toString() {
    return "DeleteShardArgs{shard " + shard + " num " + num + "}";
  }
}
