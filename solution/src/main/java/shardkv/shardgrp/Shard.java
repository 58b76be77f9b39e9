package shardkv.shardgrp;

import java.util.HashMap;
import java.util.Map;

/**
 * What one replica of a shard group knows about one shard (reference solution of Lab 5A): whether
 * the group holds it, whether it is frozen, its keys, and the newest configuration number of a
 * freeze, install or delete the group has executed for it.
 *
 * <p>The life of a shard at one group: not held; installed (held, serving Gets and Puts); frozen
 * (held, but no longer serving: its state has been handed to the controller, so a Put accepted now
 * would be lost); deleted (not held again). The configuration number fences the three moving steps:
 * a step whose number is older than {@link #num} comes from a move that is over (a resent or
 * delayed RPC) and must change nothing.
 *
 * <p>Only the Rsm's reader thread changes a Shard (in {@code KVServer.doOp} and {@code restore}).
 * labgob encodes it whole into a snapshot, so it is a plain class with a no-argument constructor.
 */
final class Shard {
  /** A key's value and version, as in Lab 4. */
  record Entry(String value, long version) {}

  /** The newest configuration number of a freeze, install or delete executed for this shard. */
  int num;

  /** Whether this group holds the shard (serving it, or frozen until the controller deletes it). */
  boolean held;

  /** Whether the shard is frozen: held, but its Gets and Puts are refused with ErrWrongGroup. */
  boolean frozen;

  /** The shard's keys; empty when the shard is not held. */
  Map<String, Entry> kv = new HashMap<>();

  Shard() {}

  /** Whether Gets and Puts of this shard's keys may be executed here. */
  boolean serving() {
    return held && !frozen;
  }
}
