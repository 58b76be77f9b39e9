package shardkv.shardrpc;

/**
 * The arguments of {@code KVServer.installShard}: install {@code state} (from a freezeShard reply)
 * as shard {@code shard} of configuration {@code num}.
 */
public class InstallShardArgs {
  public int shard;
  public byte[] state;
  public int num;

  public InstallShardArgs() {}

  public InstallShardArgs(int shard, byte[] state, int num) {
    this.shard = shard;
    this.state = state;
    this.num = num;
  }

  @Override
  public String toString() {
    return "InstallShardArgs{shard "
        + shard
        + " "
        + (state == null ? 0 : state.length)
        + " bytes num "
        + num
        + "}";
  }
}
