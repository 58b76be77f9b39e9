package shardkv.shardcfg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tester.ServerGrp;

/**
 * The given configuration code equals Go's {@code shardkv1/shardcfg}: Go's own {@code TestBasic},
 * and {@code key2Shard}, the balancing and the JSON form against values computed with Go 1.19's
 * {@code hash/fnv} and {@code encoding/json} running the course's {@code shardcfg.go} (2025). A
 * student's clerk and the tests must agree with Go on which shard a key is in.
 */
class ShardCfgTest {

  /** Go's {@code TestBasic}: joins and leaves keep the configuration valid and balanced. */
  @Test
  void testBasic() {
    final int gid1 = 1;
    final int gid2 = 2;
    ShardConfig cfg = ShardConfig.makeShardConfig();
    cfg.checkConfig(List.of());

    cfg.joinBalance(Map.of(gid1, List.of("x", "y", "z")));
    cfg.checkConfig(List.of(gid1));

    cfg.joinBalance(Map.of(gid2, List.of("a", "b", "c")));
    cfg.checkConfig(List.of(gid1, gid2));

    assertEquals(List.of("x", "y", "z"), cfg.groups.get(gid1), "wrong servers for gid " + gid1);
    assertEquals(List.of("a", "b", "c"), cfg.groups.get(gid2), "wrong servers for gid " + gid2);

    cfg.leaveBalance(List.of(gid1));
    cfg.checkConfig(List.of(gid2));

    cfg.leaveBalance(List.of(gid2));
    cfg.checkConfig(List.of());
  }

  /** key2Shard against Go's FNV-1a for the keys the tests use and some awkward ones. */
  @Test
  void key2ShardEqualsGo() {
    // key -> Go's Key2Shard(key), printed by Go 1.19
    Map<String, Integer> go =
        Map.ofEntries(
            Map.entry("", 1),
            Map.entry("a", 4),
            Map.entry("b", 1),
            Map.entry("k", 6),
            Map.entry("x", 3),
            Map.entry("key", 4),
            Map.entry("hello", 3),
            Map.entry("server-0-0", 6),
            Map.entry("\u00e4", 2), // ä: two UTF-8 bytes
            Map.entry("\u65e5\u672c\u8a9e", 3), // 日本語: three bytes each
            Map.entry("\u0000", 3),
            Map.entry("zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", 5),
            Map.entry("The quick brown fox jumps over the lazy dog", 0));
    for (Map.Entry<String, Integer> e : go.entrySet()) {
      assertEquals(
          e.getValue(), ShardCfg.key2Shard(e.getKey()), "key2Shard(\"" + e.getKey() + "\")");
    }
    // "0" .. "59", Go's Key2Shard of each in order: unsigned hashes above 2^31 included
    int[] numbers = {
      3, 4, 1, 2, 7, 8, 5, 6, 7, 8, 0, 11, 10, 9, 4, 3, 2, 1, 8, 7, 3, 4, 1, 2, 7, 8, 5, 6, 7, 8,
      10, 9, 0, 11, 6, 5, 8, 7, 2, 1, 9, 10, 11, 0, 5, 6, 7, 8, 1, 2, 4, 3, 2, 1, 0, 11, 10, 9, 8, 7
    };
    for (int i = 0; i < numbers.length; i++) {
      assertEquals(numbers[i], ShardCfg.key2Shard(Integer.toString(i)), "key2Shard(\"" + i + "\")");
    }
  }

  /** The tests' keys k0 .. k59 land on every shard, so that moving shards moves keys. */
  @Test
  void theTestsKeysSpreadOverEveryShard() {
    boolean[] seen = new boolean[ShardCfg.NSHARDS];
    for (int i = 0; i < 5 * ShardCfg.NSHARDS; i++) {
      seen[ShardCfg.key2Shard("k" + i)] = true;
    }
    for (int s = 0; s < seen.length; s++) {
      assertTrue(seen[s], "no key k0..k59 in shard " + s);
    }
  }

  /** Nine groups join and eight leave: each configuration equals Go's, shard for shard. */
  @Test
  void balancingMovesTheSameShardsAsGo() {
    ShardConfig c = ShardConfig.makeShardConfig();
    assertEquals("{\"Num\":0,\"Shards\":[0,0,0,0,0,0,0,0,0,0,0,0],\"Groups\":{}}", c.toString());
    int[][] afterJoin = {
      {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1},
      {2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1},
      {3, 3, 2, 2, 2, 2, 3, 3, 1, 1, 1, 1},
      {4, 3, 4, 2, 2, 2, 3, 3, 4, 1, 1, 1},
      {4, 3, 4, 5, 2, 2, 3, 3, 4, 5, 1, 1},
      {6, 6, 4, 5, 2, 2, 3, 3, 4, 5, 1, 1},
      {6, 6, 4, 5, 2, 2, 3, 3, 4, 5, 7, 1},
      {6, 6, 4, 5, 8, 2, 3, 3, 4, 5, 7, 1},
      {6, 6, 4, 5, 8, 2, 9, 3, 4, 5, 7, 1},
    };
    for (int g = 1; g <= 9; g++) {
      assertTrue(c.joinBalance(Map.of(g, names(g))));
      assertEquals(g, c.num);
      assertEquals(List.of(box(afterJoin[g - 1])), List.of(box(c.shards)), "after join " + g);
    }
    int[] leaving = {3, 1, 9, 5, 2, 8, 4, 7};
    int[][] afterLeave = {
      {6, 6, 4, 5, 8, 2, 9, 1, 4, 5, 7, 1},
      {6, 6, 4, 5, 8, 2, 9, 2, 4, 5, 7, 7},
      {6, 6, 4, 5, 8, 2, 8, 2, 4, 5, 7, 7},
      {6, 6, 4, 2, 8, 2, 8, 2, 4, 4, 7, 7},
      {6, 6, 4, 6, 8, 7, 8, 8, 4, 4, 7, 7},
      {6, 6, 4, 6, 4, 7, 6, 7, 4, 4, 7, 7},
      {6, 6, 6, 6, 7, 7, 6, 7, 6, 7, 7, 7},
      {6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6},
    };
    for (int i = 0; i < leaving.length; i++) {
      assertTrue(c.leaveBalance(List.of(leaving[i])));
      assertEquals(
          List.of(box(afterLeave[i])), List.of(box(c.shards)), "after leave " + leaving[i]);
    }
    assertEquals(17, c.num);
  }

  /**
   * The JSON text is Go's byte for byte (keys sorted as text, {@code <>&} escaped) and reads back.
   */
  @Test
  void jsonFormEqualsGoAndReadsBack() {
    ShardConfig c = ShardConfig.makeShardConfig();
    c.joinBalance(Map.of(6, names(6)));
    c.num = 17;
    c.joinBalance(Map.of(12, List.of("a<b>&\"c\\")));
    String go =
        "{\"Num\":18,\"Shards\":[12,12,12,12,12,12,6,6,6,6,6,6],\"Groups\":{\"12\":"
            + "[\"a\\u003cb\\u003e\\u0026\\\"c\\\\\"],\"6\":[\"server-6-0\",\"server-6-1\","
            + "\"server-6-2\"]}}";
    assertEquals(go, c.toString());
    assertEquals(c, ShardConfig.fromString(go));
    assertEquals(go, ShardConfig.fromString(go).toString());
  }

  /** A copy shares nothing with its original. */
  @Test
  void copyIsDeep() {
    ShardConfig c = ShardConfig.makeShardConfig();
    c.joinBalance(Map.of(1, names(1)));
    ShardConfig d = c.copy();
    d.joinBalance(Map.of(2, names(2)));
    d.groups.get(1).set(0, "changed");
    assertEquals(1, c.num);
    assertEquals(List.of(1), List.copyOf(c.groups.keySet()));
    assertEquals("server-1-0", c.groups.get(1).get(0));
    assertTrue(c.isMember(1));
    assertFalse(c.isMember(2));
  }

  /** Bad text and bad changes say what is wrong, naming the method. */
  @Test
  void badInputIsRefusedClearly() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ShardConfig.fromString("{\"Num\":}"));
    assertTrue(
        e.getMessage().startsWith("ShardConfig.fromString: expected a number"), e.getMessage());
    ShardConfig c = ShardConfig.makeShardConfig();
    c.joinBalance(Map.of(1, names(1)));
    assertFalse(c.joinBalance(Map.of(1, names(1))), "re-join");
    assertFalse(c.leaveBalance(List.of(5)), "leave of a group not in the config");
    e = assertThrows(IllegalArgumentException.class, () -> c.join(Map.of(2, names(1))));
    assertTrue(e.getMessage().contains("puts server server-1-0 in groups 1 and 2"), e.getMessage());
    AssertionError a = assertThrows(AssertionError.class, () -> c.checkConfig(List.of(1, 2)));
    assertEquals("wanted 2 groups, got 1", a.getMessage());
  }

  /** The name the controller uses for group 0's server is the tester's. */
  @Test
  void serverNamesAreTheTesters() {
    assertEquals(ServerGrp.serverName(0, 0), ShardCfg.serverName(ShardCfg.GRP0, 0));
    assertEquals(ServerGrp.serverName(7, 2), ShardCfg.serverName(7, 2));
  }

  private static List<String> names(int g) {
    return List.of(ShardCfg.serverName(g, 0), ShardCfg.serverName(g, 1), ShardCfg.serverName(g, 2));
  }

  private static Integer[] box(int[] a) {
    return java.util.Arrays.stream(a).boxed().toArray(Integer[]::new);
  }
}
