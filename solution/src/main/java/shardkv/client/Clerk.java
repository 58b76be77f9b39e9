package shardkv.client;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kvapi.Clnt;
import kvapi.Err;
import kvapi.IKVClerk;
import shardkv.shardcfg.ShardCfg;
import shardkv.shardcfg.ShardConfig;
import shardkv.shardctrler.ShardCtrler;

/**
 * The client of the sharded key/value service (reference solution of Lab 5A).
 *
 * <p>It keeps the configuration it last read from the controller and sends each request to the
 * group that configuration names for the key's shard. The configuration may be out of date: the
 * group then answers ErrWrongGroup (the shard has moved on, or is frozen in the middle of a move),
 * or does not answer at all (it has left and been shut down). Either way the clerk reads the
 * configuration again and retries; while the shard is in the middle of a move the configuration has
 * not changed yet, so it pauses before retrying rather than spin.
 */
public class Clerk implements IKVClerk {
  /** The pause before retrying with a configuration that has not changed. */
  static final long RETRY_PAUSE_MS = 50;

  private final Clnt clnt;
  private final ShardCtrler sck;
  private ShardConfig cfg; // the configuration last read; null until the first request
  // One clerk per group (by its servers), so that it remembers the group's leader.
  private final Map<List<String>, shardkv.shardgrp.Clerk> groupClerks = new HashMap<>();

  private Clerk(Clnt clnt, ShardCtrler sck) {
    this.clnt = clnt;
    this.sck = sck;
  }

  /** A clerk that asks {@code sck} for the configuration. Returns at once. */
  public static IKVClerk make(Clnt clnt, ShardCtrler sck) {
    return new Clerk(clnt, sck);
  }

  @Override
  public GetResult get(String key) {
    while (true) {
      shardkv.shardgrp.Clerk grp = groupOf(key);
      if (grp != null) {
        GetResult r = grp.get(key);
        if (r.err() == Err.OK || r.err() == Err.ErrNoKey) {
          return r;
        }
      }
      // ErrWrongGroup, no answer, or no group for the shard: ask where the shard is now.
      refresh();
    }
  }

  @Override
  public Err put(String key, String value, long version) {
    // Whether an earlier attempt (at this group or at one the shard has since left) may have
    // happened: a Put executed just before its shard was frozen moves with the shard, so the next
    // group then answers ErrVersion to our own Put.
    boolean uncertain = false;
    while (true) {
      shardkv.shardgrp.Clerk grp = groupOf(key);
      if (grp != null) {
        shardkv.shardgrp.Clerk.PutOutcome o = grp.putOutcome(key, value, version);
        uncertain |= o.uncertain();
        if (o.err() == Err.ErrVersion) {
          return uncertain ? Err.ErrMaybe : Err.ErrVersion;
        }
        if (o.err() == Err.OK || o.err() == Err.ErrNoKey) {
          return o.err();
        }
      }
      refresh();
    }
  }

  /** The clerk of the group serving the key's shard in the current configuration, or null. */
  private shardkv.shardgrp.Clerk groupOf(String key) {
    if (cfg == null) {
      cfg = sck.query();
    }
    ShardConfig.GidServers g = cfg.gidServers(ShardCfg.key2Shard(key));
    if (!g.ok()) {
      return null; // no group serves it (yet): only a newer configuration can help
    }
    return groupClerks.computeIfAbsent(
        g.servers(), servers -> shardkv.shardgrp.Clerk.make(clnt, servers));
  }

  /** Reads the configuration again; pauses if it has not changed, so as not to spin. */
  private void refresh() {
    ShardConfig latest = sck.query();
    if (cfg != null && latest.num == cfg.num) {
      pause();
    }
    cfg = latest;
  }

  private static void pause() {
    try {
      Thread.sleep(RETRY_PAUSE_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("shardkv.client.Clerk: interrupted", e);
    }
  }
}
