package shardkv.shardcfg;

import java.nio.charset.StandardCharsets;

/**
 * The constants of the sharded key/value service and the key-to-shard function (Go's package-level
 * {@code shardcfg.NShards}, {@code NumFirst}, {@code Gid1} and {@code Key2Shard}). Given code: do
 * not change it; the tests use their own copy.
 */
public final class ShardCfg {
  private ShardCfg() {}

  /** The number of shards (Go's {@code NShards}). */
  public static final int NSHARDS = 12;

  /** The number of the first configuration, the one {@code initConfig} stores (Go's NumFirst). */
  public static final int NUM_FIRST = 1;

  /** The group that owns every shard in the first configuration (Go's {@code Gid1}). */
  public static final int GID1 = 1;

  /** Group 0: the Lab 2 key/value server in which the controller keeps the configuration. */
  public static final int GRP0 = 0;

  /**
   * The shard {@code key} belongs to: FNV-1a (32 bits) of the key's UTF-8 bytes, modulo {@link
   * #NSHARDS}, exactly as Go's {@code Key2Shard}. Please use this function, and do not change it.
   */
  public static int key2Shard(String key) {
    int h = 0x811c9dc5; // FNV-1a 32-bit offset basis
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x01000193; // FNV-1a 32-bit prime
    }
    return (int) (Integer.toUnsignedLong(h) % NSHARDS);
  }

  /**
   * The tester's name for server {@code i} of group {@code gid} (Go's {@code tester.ServerName}):
   * {@code serverName(GRP0, 0)} is the server that keeps the controller's configuration.
   */
  public static String serverName(int gid, int i) {
    return "server-" + gid + "-" + i;
  }
}
