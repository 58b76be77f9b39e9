package shardkv.shardctrler;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kvapi.Clnt;
import kvapi.Err;
import kvapi.IKVClerk;
import kvsrv.Clerk;
import shardkv.shardcfg.ShardCfg;
import shardkv.shardcfg.ShardConfig;

/**
 * The shard controller (reference solution of Lab 5A-5C). It keeps two configurations, as {@code
 * ShardConfig.toString()}, under two keys of group 0's Lab 2 key/value server: the current one,
 * which {@link #query} returns and the clerks follow, and the next one, which a change claims
 * before it moves any shard.
 *
 * <p>{@link #changeConfigTo} first claims the change: it puts the new configuration under the next
 * key, at the version it read that key at. Of several controllers that try to make the same change
 * at once (5C), only one Put succeeds; the others give up. Then it moves every shard whose group
 * changes, each in three steps: freeze it at the old group (which stops serving it and hands over
 * its state), install that state at the new group (which starts serving it), delete it at the old
 * group (which then forgets it). Only then does it store the new configuration as the current one.
 * So a clerk that follows the current configuration may find a shard frozen and have to retry, but
 * never finds two groups serving it.
 *
 * <p>A controller may fail between the claim and the end of the moves (5B). The next key is what
 * makes that recoverable: when it is ahead of the current one, a change is half done, and {@link
 * #initController} (or the next {@link #changeConfigTo}) finishes it from the two configurations
 * alone, since every step is safe to repeat.
 *
 * <p>Every step carries the new configuration's number, and the groups fence each shard with the
 * newest number they have executed for it: a step of an older number is refused (ErrWrongGroup) and
 * a step of the same number changes nothing. So two controllers that finish the same change at once
 * (a recovering one and the one it thought had failed) do each step at most once between them, and
 * a superseded controller that comes back (5C) cannot undo a newer move: its first step on a shard
 * that moved since is refused, and it gives up. The current configuration is stored with a Put at
 * the version read before the change, so a controller that comes back late cannot overwrite a newer
 * configuration either.
 */
public class ShardCtrler {
  /** The key under which the current configuration is kept. */
  static final String CONFIG_KEY = "shardctrler/config";

  /** The key under which a change claims its configuration before it moves any shard. */
  static final String NEXT_KEY = "shardctrler/next";

  private final Clnt clnt;
  private final IKVClerk kv; // group 0's server
  // One clerk per group (by its servers), so that it remembers the group's leader.
  private final Map<List<String>, shardkv.shardgrp.Clerk> groupClerks = new HashMap<>();

  private ShardCtrler(Clnt clnt) {
    this.clnt = clnt;
    this.kv = Clerk.make(clnt, ShardCfg.serverName(ShardCfg.GRP0, 0));
  }

  /** A controller that keeps its state in group 0's key/value server. */
  public static ShardCtrler make(Clnt clnt) {
    return new ShardCtrler(clnt);
  }

  /**
   * Finishes a change that a controller claimed but did not finish (it failed, was cut off, or is
   * still at work: finishing it twice is safe).
   */
  public synchronized void initController() {
    Stored cur = read(CONFIG_KEY);
    Stored next = read(NEXT_KEY);
    if (cur != null && next != null && next.cfg().num > cur.cfg().num) {
      finish(cur, next.cfg());
    }
  }

  /** Stores the first configuration, at version 0 of the key (so only the first call succeeds). */
  public void initConfig(ShardConfig cfg) {
    store(CONFIG_KEY, cfg, 0);
  }

  /**
   * Moves every shard whose group differs between the current configuration and {@code newCfg},
   * then stores {@code newCfg}. Does nothing unless {@code newCfg} is the next configuration (its
   * number one more than the current one's) and this controller is the one that claims it: an older
   * or repeated change must not undo a newer one, and of two controllers that compute the same
   * number only one may move shards for it. A half-done change found here is finished instead, and
   * {@code newCfg}, computed from a configuration that is no longer current, dropped.
   */
  public synchronized void changeConfigTo(ShardConfig newCfg) {
    Stored cur = read(CONFIG_KEY);
    if (cur == null) {
      return;
    }
    Stored next = read(NEXT_KEY);
    if (next != null && next.cfg().num > cur.cfg().num) {
      finish(cur, next.cfg());
      return;
    }
    if (newCfg.num != cur.cfg().num + 1) {
      return;
    }
    // The claim: only one Put at this version of the next key can succeed.
    if (!store(NEXT_KEY, newCfg, next == null ? 0 : next.version())) {
      return;
    }
    finish(cur, newCfg);
  }

  /** The current configuration; the empty one (number 0) before initConfig. */
  public ShardConfig query() {
    Stored cur = read(CONFIG_KEY);
    return cur == null ? ShardConfig.makeShardConfig() : cur.cfg();
  }

  /**
   * Moves the shards from {@code cur} to {@code to} and stores {@code to} as the current
   * configuration; gives up as soon as a group answers that it has seen a newer configuration.
   */
  private void finish(Stored cur, ShardConfig to) {
    for (int s = 0; s < ShardCfg.NSHARDS; s++) {
      if (cur.cfg().shards[s] != to.shards[s] && !moveShard(s, cur.cfg(), to)) {
        return; // a group has seen a newer configuration: someone else is ahead of us
      }
    }
    store(CONFIG_KEY, to, cur.version());
  }

  // ---- moving one shard ----------------------------------------------------------------------

  /**
   * Moves shard {@code s} from its group in {@code from} to its group in {@code to}: freeze,
   * install, delete. False if a group answered that it has seen a newer configuration for the
   * shard, or if, while a group does not answer, a newer configuration has been claimed: another
   * controller is ahead, and waiting for a group that may have left for good would never end.
   */
  private boolean moveShard(int s, ShardConfig from, ShardConfig to) {
    int num = to.num;
    int oldGid = from.shards[s];
    int newGid = to.shards[s];
    // A shard of no group (gid 0: before the first join, or after every group left) has no keys.
    byte[] state = null;
    if (oldGid != 0) {
      shardkv.shardgrp.Clerk old = group(from.groups.get(oldGid));
      shardkv.shardgrp.Clerk.FreezeResult f;
      do {
        f = old.freezeShard(s, num); // ErrWrongLeader: no leader answered yet; ask again
      } while (f.err() == Err.ErrWrongLeader && !superseded(num));
      if (f.err() != Err.OK) {
        return false;
      }
      state = f.state();
    }
    if (newGid == 0) {
      // Every group left: the shard stays frozen at its last group, the only copy of its keys.
      return true;
    }
    shardkv.shardgrp.Clerk neu = group(to.groups.get(newGid));
    Err installed;
    do {
      installed = neu.installShard(s, state, num);
    } while (installed == Err.ErrWrongLeader && !superseded(num));
    if (installed != Err.OK) {
      return false;
    }
    if (oldGid != 0) {
      // Only now, with the keys safe at the new group, may the old group forget them.
      shardkv.shardgrp.Clerk old = group(from.groups.get(oldGid));
      Err deleted;
      do {
        deleted = old.deleteShard(s, num);
      } while (deleted == Err.ErrWrongLeader && !superseded(num));
      return deleted == Err.OK;
    }
    return true;
  }

  /**
   * Whether the change to {@code num} is over for this controller: a newer configuration has been
   * claimed, or another controller has finished this change and stored it. The second matters when
   * several controllers finish one change: the one that stores it may then let a group that left
   * exit, and a step still waiting for that group would wait forever.
   */
  private boolean superseded(int num) {
    Stored next = read(NEXT_KEY);
    if (next != null && next.cfg().num > num) {
      return true;
    }
    Stored cur = read(CONFIG_KEY);
    return cur != null && cur.cfg().num >= num;
  }

  private shardkv.shardgrp.Clerk group(List<String> servers) {
    return groupClerks.computeIfAbsent(servers, srvs -> shardkv.shardgrp.Clerk.make(clnt, srvs));
  }

  // ---- the stored configuration --------------------------------------------------------------

  /** A configuration and the version of the key it was read at. */
  private record Stored(ShardConfig cfg, long version) {}

  /** The configuration stored under {@code key} and its version, or null if there is none yet. */
  private Stored read(String key) {
    IKVClerk.GetResult r = kv.get(key);
    if (r.err() != Err.OK) {
      return null; // ErrNoKey: initConfig has not run, or no change has been claimed yet
    }
    return new Stored(ShardConfig.fromString(r.value()), r.version());
  }

  /**
   * Puts {@code cfg} under {@code key} at {@code version}; true if it is stored. ErrMaybe (a resent
   * Put on an unreliable network) is settled by reading the key back: our text there means our Put
   * happened (no other controller puts the same text: its configuration joins or leaves other
   * groups). ErrVersion means someone else stored a configuration since we read it: theirs stands.
   */
  private boolean store(String key, ShardConfig cfg, long version) {
    String text = cfg.toString();
    Err err = kv.put(key, text, version);
    if (err == Err.ErrMaybe) {
      IKVClerk.GetResult r = kv.get(key);
      return r.err() == Err.OK && r.value().equals(text);
    }
    return err == Err.OK;
  }
}
