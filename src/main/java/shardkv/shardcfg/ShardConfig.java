package shardkv.shardcfg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A configuration: which group serves each shard, and the servers of each group (Go's {@code
 * shardcfg.ShardConfig}). Given code: do not change it; the tests use their own copy.
 *
 * <ul>
 *   <li>{@link #num}: the configuration's number; each join or leave increments it.
 *   <li>{@link #shards}: shard {@code s} is served by group {@code shards[s]} (0: by no group).
 *   <li>{@link #groups}: group id to the names of its servers (give them to {@code
 *       shardgrp.Clerk.make}).
 * </ul>
 *
 * <p>The controller stores a configuration as a string: {@link #toString()} is its JSON form (the
 * same text as Go's {@code String()}) and {@link #fromString} reads it back. A configuration is a
 * plain mutable object and not thread-safe: {@link #copy()} it before changing one you share.
 */
public final class ShardConfig {
  /** The configuration number (Go's {@code Num}). */
  public int num;

  /** Shard to group id (Go's {@code Shards}); always {@link ShardCfg#NSHARDS} long. */
  public int[] shards = new int[ShardCfg.NSHARDS];

  /** Group id to its servers' names (Go's {@code Groups}), in group order. */
  public Map<Integer, List<String>> groups = new TreeMap<>();

  /** An empty configuration: number 0, no groups, every shard unassigned (Go's MakeShardConfig). */
  public static ShardConfig makeShardConfig() {
    return new ShardConfig();
  }

  /** A deep copy: changing it leaves this configuration as it is (Go's {@code Copy}). */
  public ShardConfig copy() {
    ShardConfig c = new ShardConfig();
    c.num = num;
    c.shards = shards.clone();
    for (Map.Entry<Integer, List<String>> e : groups.entrySet()) {
      c.groups.put(e.getKey(), new ArrayList<>(e.getValue()));
    }
    return c;
  }

  /** The group serving shard {@code sh}, its servers, and whether the group is in the config. */
  public record GidServers(int gid, List<String> servers, boolean ok) {}

  /** Go's {@code GidServers}: who serves shard {@code sh}. */
  public GidServers gidServers(int sh) {
    int gid = shards[sh];
    List<String> srvs = groups.get(gid);
    return new GidServers(gid, srvs, srvs != null);
  }

  /** Whether group {@code gid} serves at least one shard (Go's {@code IsMember}). */
  public boolean isMember(int gid) {
    for (int g : shards) {
      if (g == gid) {
        return true;
      }
    }
    return false;
  }

  /**
   * Adds the groups in {@code servers} (gid to server names) and increments {@link #num}, without
   * moving shards (Go's {@code Join}). Returns false, changing nothing, if a group is already in
   * the configuration.
   */
  public boolean join(Map<Integer, List<String>> servers) {
    boolean changed = false;
    for (Map.Entry<Integer, List<String>> e : servers.entrySet()) {
      int gid = e.getKey();
      if (groups.containsKey(gid)) {
        System.err.printf("re-Join %d%n", gid);
        return false;
      }
      for (Map.Entry<Integer, List<String>> x : groups.entrySet()) {
        for (String s1 : x.getValue()) {
          if (e.getValue().contains(s1)) {
            throw new IllegalArgumentException(
                String.format(
                    "ShardConfig.join(%d) puts server %s in groups %d and %d",
                    gid, s1, x.getKey(), gid));
          }
        }
      }
      groups.put(gid, new ArrayList<>(e.getValue()));
      changed = true;
    }
    if (!changed) {
      throw new IllegalArgumentException("ShardConfig.join: Join but no change (no groups given)");
    }
    num += 1;
    return true;
  }

  /**
   * Removes the groups {@code gids} and increments {@link #num}, without moving shards (Go's {@code
   * Leave}). Returns false if a group is not in the configuration.
   */
  public boolean leave(List<Integer> gids) {
    boolean changed = false;
    for (int gid : gids) {
      if (!groups.containsKey(gid)) {
        System.err.printf("Leave(%d) but not in config%n", gid);
        return false;
      }
      groups.remove(gid);
      changed = true;
    }
    if (!changed) {
      throw new IllegalArgumentException("ShardConfig.leave: Leave but no change (no gids given)");
    }
    num += 1;
    return true;
  }

  /** {@link #join} and then {@link #rebalance} (Go's {@code JoinBalance}). */
  public boolean joinBalance(Map<Integer, List<String>> servers) {
    if (!join(servers)) {
      return false;
    }
    rebalance();
    return true;
  }

  /** {@link #leave} and then {@link #rebalance} (Go's {@code LeaveBalance}). */
  public boolean leaveBalance(List<Integer> gids) {
    if (!leave(gids)) {
      return false;
    }
    rebalance();
    return true;
  }

  /**
   * Spreads the shards evenly over the groups, moving as few as possible, deterministically (the
   * same moves as Go's {@code Rebalance}). With no groups, every shard goes to group 0.
   */
  public void rebalance() {
    if (groups.isEmpty()) {
      Arrays.fill(shards, 0);
      return;
    }
    // assign every shard whose group is gone to the least loaded group
    for (int s = 0; s < shards.length; s++) {
      if (!groups.containsKey(shards[s])) {
        shards[s] = analyze()[2];
      }
    }
    // move shards, one at a time, from the most to the least loaded group
    while (true) {
      int[] a = analyze();
      int mg = a[0];
      int mn = a[1];
      int lg = a[2];
      int ln = a[3];
      if (mn < ln + 2) {
        break;
      }
      for (int s = 0; s < shards.length; s++) {
        if (shards[s] == mg) {
          shards[s] = lg;
          break;
        }
      }
    }
  }

  /** {most loaded group, its count, least loaded group, its count}, ties to the lower gid. */
  private int[] analyze() {
    Map<Integer, Integer> counts = new HashMap<>();
    for (int g : shards) {
      counts.merge(g, 1, Integer::sum);
    }
    int mn = -1;
    int mg = -1;
    int ln = 257;
    int lg = -1;
    for (int g : groups.keySet()) { // a TreeMap: in gid order, as Go sorts them
      int c = counts.getOrDefault(g, 0);
      if (c < ln) {
        ln = c;
        lg = g;
      }
      if (c > mn) {
        mn = c;
        mg = g;
      }
    }
    return new int[] {mg, mn, lg, ln};
  }

  /**
   * Checks that this configuration has exactly the groups {@code gids}, that every shard is served
   * by one of them, and that the shards are balanced (no group has 2 more than another). Throws an
   * AssertionError with Go's message ({@code "wanted 2 groups, got 1"}, {@code "missing group 3"},
   * {@code "shard 4 -> invalid group 0"}, {@code "max 7 too much larger than min 5"}) if not.
   */
  public void checkConfig(List<Integer> gids) {
    if (groups.size() != gids.size()) {
      throw new AssertionError(
          String.format("wanted %d groups, got %d", gids.size(), groups.size()));
    }
    for (int g : gids) {
      if (!groups.containsKey(g)) {
        throw new AssertionError(String.format("missing group %d", g));
      }
    }
    if (!gids.isEmpty()) {
      for (int s = 0; s < shards.length; s++) {
        if (!groups.containsKey(shards[s])) {
          throw new AssertionError(String.format("shard %d -> invalid group %d", s, shards[s]));
        }
      }
    }
    Map<Integer, Integer> counts = new HashMap<>();
    for (int g : shards) {
      counts.merge(g, 1, Integer::sum);
    }
    int min = 257;
    int max = 0;
    for (int g : groups.keySet()) {
      int c = counts.getOrDefault(g, 0);
      max = Math.max(max, c);
      min = Math.min(min, c);
    }
    if (max > min + 1) {
      throw new AssertionError(String.format("max %d too much larger than min %d", max, min));
    }
  }

  /**
   * The JSON form, the same text as Go's {@code String()}: {@code
   * {"Num":1,"Shards":[1,1,...],"Groups":{"1":["server-1-0",...]}}}.
   */
  @Override
  public String toString() {
    return ConfigJson.write(this);
  }

  /**
   * Reads a configuration from its JSON form ({@link #toString()}); throws IllegalArgumentException
   * naming what is wrong if {@code s} is not one.
   */
  public static ShardConfig fromString(String s) {
    return ConfigJson.read(s);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ShardConfig c
        && c.num == num
        && Arrays.equals(c.shards, shards)
        && c.groups.equals(groups);
  }

  @Override
  public int hashCode() {
    return num * 31 + Arrays.hashCode(shards);
  }
}
