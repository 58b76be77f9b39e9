package shardkv.shardctrler;

import kvapi.Clnt;
import kvapi.IKVClerk;
import kvsrv.Clerk;
import shardkv.shardcfg.ShardCfg;
import shardkv.shardcfg.ShardConfig;

/**
 * The shard controller: you fill it in for Lab 5A, and make it recover (5B) and run beside other
 * controllers (5C) (Go's {@code shardctrler.ShardCtrler}). It keeps the current configuration
 * ({@link ShardConfig}) as a string in the Lab 2 key/value server of group 0 (through {@link #kv},
 * a {@code kvsrv.Clerk}), and moves shards between groups when the tester asks it to change the
 * configuration.
 *
 * <ul>
 *   <li>{@link #initConfig}: store the first configuration ({@code cfg.toString()}, Put at version
 *       0 under a key you choose).
 *   <li>{@link #changeConfigTo}: move every shard whose group differs between the current and the
 *       new configuration, in three steps (freeze it at the old group, install it at the new group,
 *       delete it at the old group, through {@code shardgrp.Clerk}), and then store the new
 *       configuration. Only move to a configuration whose number is one more than the current one.
 *   <li>{@link #query}: the current configuration, read from the key/value server.
 * </ul>
 *
 * <p>Failures (5B): the tester may cut a controller off in the middle of {@link #changeConfigTo}
 * (some shards moved, some not, the new configuration not stored) and start a new controller, whose
 * {@link #initController} must finish that change. So before you move any shard, store the new
 * configuration somewhere the next controller can find it (a second key, say), and let {@link
 * #initController} compare it with the current one. Every step you send must be safe to send twice:
 * the recovering controller repeats what the failed one may already have done.
 *
 * <p>Controllers at once (5C): several controllers may run {@link #changeConfigTo} at the same
 * time, each computed from the configuration it queried; and a controller cut off and superseded
 * may be reconnected and carry on where it stopped. Only one change to a given number may move
 * shards (a Put at a version lets exactly one controller win), and a superseded controller must not
 * undo a newer move or store an older configuration: the configuration numbers the groups see and
 * the versions of your keys are what stop it.
 *
 * <p>Threads: in 5A one controller changes the configuration at a time, but the sharded clerks call
 * {@link #query} of their own controllers at the same time, and a test may call {@link #query}
 * while {@link #changeConfigTo} runs on the same controller (testProgressJoin5A, as in Go): so keep
 * your fields thread-safe, and use {@link #kv} from two threads only as long as the Lab 2 clerk
 * keeps no state between calls (the reference's does not). Methods may block as long as it takes to
 * reach the servers (the clerks retry), and must not throw.
 */
public class ShardCtrler {
  private final Clnt clnt; // the way to every server, by name
  private final IKVClerk kv; // a Lab 2 clerk of group 0's server: the configuration is kept there

  // Your data here.

  private ShardCtrler(Clnt clnt) {
    this.clnt = clnt;
    this.kv = Clerk.make(clnt, ShardCfg.serverName(ShardCfg.GRP0, 0));
  }

  /** A controller that keeps its state in group 0's key/value server (Go's MakeShardCtrler). */
  public static ShardCtrler make(Clnt clnt) {
    ShardCtrler sck = new ShardCtrler(clnt);
    // Your code here.
    return sck;
  }

  /**
   * The tester calls initController() before it uses a new controller. In part A, this method does
   * not need to do anything. In B and C, it implements recovery: if a previous controller started a
   * configuration change and did not finish it, finish it (move the shards it had not moved yet,
   * then store its new configuration), and return when that is done.
   */
  public void initController() {
    // Your code here (5B).
  }

  /**
   * Called once by the tester to supply the first configuration (number {@link ShardCfg#NUM_FIRST},
   * every shard at group {@link ShardCfg#GID1}). Store {@code cfg.toString()} in the key/value
   * server with a Put at version 0, under a key you choose.
   */
  public void initConfig(ShardConfig cfg) {
    // Your code here (5A).
  }

  /**
   * Called by the tester to change the configuration from the current one to {@code newCfg} (one
   * join or one leave; {@code newCfg.num} is the current number plus one): move the shards that
   * change group, then store {@code newCfg}. Returns when the new configuration is stored. While
   * the controller changes the configuration it may be superseded by another controller (5C).
   */
  public void changeConfigTo(ShardConfig newCfg) {
    // Your code here (5A).
  }

  /**
   * The current configuration, as last stored. Never null: until you write this, it returns the
   * empty configuration (number 0, no groups).
   */
  public ShardConfig query() {
    // Your code here (5A).
    return ShardConfig.makeShardConfig();
  }
}
