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
 * The shard controller (reference solution of Lab 5A). It keeps the current configuration, as
 * {@code ShardConfig.toString()}, under one key of group 0's Lab 2 key/value server, and changes it
 * one configuration at a time.
 *
 * <p>{@link #changeConfigTo} first moves every shard whose group changes, each in three steps:
 * freeze it at the old group (which stops serving it and hands over its state), install that state
 * at the new group (which starts serving it), delete it at the old group (which then forgets it).
 * Only then does it store the new configuration. So a clerk that follows the stored configuration
 * may find a shard frozen and have to retry, but never finds two groups serving it: the old group
 * stops before the new one starts, and the handover is a copy taken after the old group's last Put.
 *
 * <p>Every step carries the new configuration's number. The groups use it to recognize a step they
 * have executed already (the clerks resend) and a step of a move that is over, so each step is safe
 * to send again; the controller simply repeats it until it gets an answer.
 *
 * <p>The configuration is stored with a versioned Put, at the version read before the change: if
 * anyone else stored a configuration in between, the Put fails instead of overwriting it.
 */
public class ShardCtrler {
  /** The key under which the configuration is kept. */
  static final String CONFIG_KEY = "shardctrler/config";

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

  /** Nothing to recover in part A: a change is never left half done (that is part B). */
  public void initController() {}

  /** Stores the first configuration, at version 0 of the key (so only the first call succeeds). */
  public void initConfig(ShardConfig cfg) {
    store(cfg, 0);
  }

  /**
   * Moves every shard whose group differs between the current configuration and {@code newCfg},
   * then stores {@code newCfg}. Does nothing unless {@code newCfg} is the next configuration (its
   * number one more than the current one's): an older or repeated change must not undo a newer one.
   */
  public synchronized void changeConfigTo(ShardConfig newCfg) {
    Stored cur = read();
    if (cur == null || newCfg.num != cur.cfg().num + 1) {
      return;
    }
    for (int s = 0; s < ShardCfg.NSHARDS; s++) {
      if (cur.cfg().shards[s] != newCfg.shards[s] && !moveShard(s, cur.cfg(), newCfg)) {
        return; // a group has seen a newer configuration: someone else is ahead of us
      }
    }
    store(newCfg, cur.version());
  }

  /** The current configuration; the empty one (number 0) before initConfig. */
  public ShardConfig query() {
    Stored cur = read();
    return cur == null ? ShardConfig.makeShardConfig() : cur.cfg();
  }

  // ---- moving one shard ----------------------------------------------------------------------

  /**
   * Moves shard {@code s} from its group in {@code from} to its group in {@code to}: freeze,
   * install, delete. False if a group answered that it has seen a newer configuration for the shard
   * (only possible when another controller is ahead: never in part A).
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
      } while (f.err() == Err.ErrWrongLeader);
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
    } while (installed == Err.ErrWrongLeader);
    if (installed != Err.OK) {
      return false;
    }
    if (oldGid != 0) {
      // Only now, with the keys safe at the new group, may the old group forget them.
      shardkv.shardgrp.Clerk old = group(from.groups.get(oldGid));
      Err deleted;
      do {
        deleted = old.deleteShard(s, num);
      } while (deleted == Err.ErrWrongLeader);
      return deleted == Err.OK;
    }
    return true;
  }

  private shardkv.shardgrp.Clerk group(List<String> servers) {
    return groupClerks.computeIfAbsent(servers, srvs -> shardkv.shardgrp.Clerk.make(clnt, srvs));
  }

  // ---- the stored configuration --------------------------------------------------------------

  /** A configuration and the version of the key it was read at. */
  private record Stored(ShardConfig cfg, long version) {}

  /** The stored configuration and its version, or null if there is none yet. */
  private Stored read() {
    IKVClerk.GetResult r = kv.get(CONFIG_KEY);
    if (r.err() != Err.OK) {
      return null; // ErrNoKey: initConfig has not run
    }
    return new Stored(ShardConfig.fromString(r.value()), r.version());
  }

  /**
   * Puts {@code cfg} at {@code version}; true if it is stored. ErrMaybe (a resent Put on an
   * unreliable network) is settled by reading the key back: our text there means our Put happened.
   * ErrVersion means someone else stored a configuration since we read it: theirs stands.
   */
  private boolean store(ShardConfig cfg, long version) {
    String text = cfg.toString();
    Err err = kv.put(CONFIG_KEY, text, version);
    if (err == Err.ErrMaybe) {
      IKVClerk.GetResult r = kv.get(CONFIG_KEY);
      return r.err() == Err.OK && r.value().equals(text);
    }
    return err == Err.OK;
  }
}
