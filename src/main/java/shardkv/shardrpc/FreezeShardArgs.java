package shardkv.shardrpc;

/**
 * The arguments of {@code KVServer.freezeShard}: freeze shard {@code shard} for the move to
 * configuration {@code num}.
 */
public class FreezeShardArgs {
  public int shard;
  public int num;

  public FreezeShardArgs() {}

  public FreezeShardArgs(int shard, int num) {
    this.shard = shard;
    this.num = num;
  }

  @Override
  public String toString() {
    return "FreezeShardArgs{shard " + shard + " num " + num + "}";
  }
}
