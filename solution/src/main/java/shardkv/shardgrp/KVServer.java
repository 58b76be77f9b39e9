package shardkv.shardgrp;

import debug.Debug;
import debug.Debug.Topic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import kvapi.Err;
import kvapi.GetArgs;
import kvapi.GetReply;
import kvapi.PutArgs;
import kvapi.PutReply;
import kvapi.StateMachine;
import kvapi.SubmitResult;
import kvraft.rsm.Rsm;
import labgob.LabDecoder;
import labgob.LabEncoder;
import labgob.LabGob;
import labrpc.ClientEnd;
import raftapi.IService;
import raftapi.Persister;
import shardkv.shardcfg.ShardCfg;
import shardkv.shardrpc.DeleteShardArgs;
import shardkv.shardrpc.DeleteShardReply;
import shardkv.shardrpc.FreezeShardArgs;
import shardkv.shardrpc.FreezeShardReply;
import shardkv.shardrpc.InstallShardArgs;
import shardkv.shardrpc.InstallShardReply;

/**
 * A server of one shard group (reference solution of Lab 5A): a Lab 4 key/value service, on the Rsm
 * and Raft, that serves only the shards it holds and hands shards over when the controller moves
 * them.
 *
 * <p>Every handler, the three shard-moving ones included, only submits its arguments to the Rsm;
 * all the deciding happens in {@link #doOp}, which every replica executes in log order. That is
 * what makes a move safe: "freeze shard 3" lands at one point of the log, so every replica agrees
 * on which Puts of shard 3 came before it (they are in the state handed over) and which after (they
 * are refused with ErrWrongGroup, and the clerk retries them at the new group). A handler that
 * looked at or changed the shards itself would act on one replica's view, which may be behind the
 * log, or lost when the leader changes.
 *
 * <p>The shard-moving steps are idempotent and fenced by the configuration number (see {@link
 * Shard}): the controller's clerk resends a step until it gets an answer, so each step may be
 * executed more than once, and a delayed copy may arrive after the shard has moved on.
 *
 * <ul>
 *   <li>freeze (num &ge; the shard's number): stop serving, answer with the shard's state. Again at
 *       the same number: the same state (nothing can have changed it since).
 *   <li>install (num &gt; the shard's number): hold and serve the given state. At a number already
 *       seen: do nothing, or a resent install would undo the Puts made since the first one.
 *   <li>delete (num &ge; the shard's number, shard frozen): forget it, so a group does not keep
 *       every shard it ever held (TestDeleteBasic5A measures the snapshots).
 * </ul>
 *
 * <p>Group {@link ShardCfg#GID1} starts holding every shard, as the first configuration says; the
 * other groups start with none and receive theirs from the controller.
 */
public class KVServer implements StateMachine, IService {
  private final int me;
  private final int gid;
  private final AtomicBoolean dead = new AtomicBoolean();
  private Rsm rsm;

  // Only the Rsm's reader thread calls doOp, snapshot and restore, one at a time; the lock is for
  // anyone else who looks. The handlers never touch the shards.
  private final Object lock = new Object();
  private List<Shard> shards = new ArrayList<>(); // shard id -> what this replica knows of it

  private KVServer(int gid, int me) {
    this.gid = gid;
    this.me = me;
    for (int s = 0; s < ShardCfg.NSHARDS; s++) {
      Shard sh = new Shard();
      // The first configuration (number NUM_FIRST) gives every shard to GID1; its number here is
      // 0, so the first move (to configuration NUM_FIRST + 1) is newer.
      sh.held = gid == ShardCfg.GID1;
      shards.add(sh);
    }
  }

  /**
   * Starts server {@code me} of shard group {@code gid}; returns this server and its Raft peer, the
   * objects the tester serves over RPC. Returns at once (the Rsm runs its own thread).
   */
  public static List<Object> startServerShardGrp(
      ClientEnd[] servers, int gid, int me, Persister persister, int maxraftstate) {
    KVServer kv = new KVServer(gid, me);
    // The Rsm restores a snapshot (if the persister has one) before it replays the log, so the
    // initial shards set above are replaced by what this group held when it went down.
    kv.rsm = Rsm.make(servers, me, persister, maxraftstate, kv);
    return List.of(kv, kv.rsm.raft());
  }

  // ---- RPC handlers: submit, then copy the result of doOp into the reply
  // --------------------------

  public void get(GetArgs args, GetReply reply) {
    if (!(submit(args) instanceof GetReply r)) {
      reply.err = Err.ErrWrongLeader;
      return;
    }
    reply.value = r.value;
    reply.version = r.version;
    reply.err = r.err;
  }

  public void put(PutArgs args, PutReply reply) {
    if (!(submit(args) instanceof PutReply r)) {
      reply.err = Err.ErrWrongLeader;
      return;
    }
    reply.err = r.err;
  }

  public void freezeShard(FreezeShardArgs args, FreezeShardReply reply) {
    if (!(submit(args) instanceof FreezeShardReply r)) {
      reply.err = Err.ErrWrongLeader;
      return;
    }
    reply.state = r.state;
    reply.num = r.num;
    reply.err = r.err;
  }

  public void installShard(InstallShardArgs args, InstallShardReply reply) {
    if (!(submit(args) instanceof InstallShardReply r)) {
      reply.err = Err.ErrWrongLeader;
      return;
    }
    reply.err = r.err;
  }

  public void deleteShard(DeleteShardArgs args, DeleteShardReply reply) {
    if (!(submit(args) instanceof DeleteShardReply r)) {
      reply.err = Err.ErrWrongLeader;
      return;
    }
    reply.err = r.err;
  }

  /** The result of executing {@code args} through the log, or null if this is not the leader. */
  private Object submit(Object args) {
    SubmitResult r = rsm.submit(args);
    return r.err() == Err.OK ? r.result() : null;
  }

  // ---- the state machine ---------------------------------------------------------------------

  @Override
  public Object doOp(Object req) {
    synchronized (lock) {
      if (req instanceof GetArgs a) {
        return doGet(a);
      }
      if (req instanceof PutArgs a) {
        return doPut(a);
      }
      if (req instanceof FreezeShardArgs a) {
        return doFreeze(a);
      }
      if (req instanceof InstallShardArgs a) {
        return doInstall(a);
      }
      if (req instanceof DeleteShardArgs a) {
        return doDelete(a);
      }
      throw new IllegalArgumentException(
          "shardgrp.KVServer " + gid + "-" + me + ": unknown request " + req);
    }
  }

  private GetReply doGet(GetArgs a) {
    GetReply reply = new GetReply();
    Shard sh = shards.get(ShardCfg.key2Shard(a.key));
    if (!sh.serving()) {
      // Not ours (any more, or yet), or frozen: the clerk must ask the controller where it is.
      reply.err = Err.ErrWrongGroup;
      return reply;
    }
    Shard.Entry e = sh.kv.get(a.key);
    if (e == null) {
      reply.value = "";
      reply.err = Err.ErrNoKey;
    } else {
      reply.value = e.value();
      reply.version = e.version();
      reply.err = Err.OK;
    }
    return reply;
  }

  private PutReply doPut(PutArgs a) {
    PutReply reply = new PutReply();
    Shard sh = shards.get(ShardCfg.key2Shard(a.key));
    if (!sh.serving()) {
      // A Put accepted by a frozen shard would be lost: its state has already been handed over.
      reply.err = Err.ErrWrongGroup;
      return reply;
    }
    Shard.Entry e = sh.kv.get(a.key);
    long current = e == null ? 0 : e.version();
    if (a.version != current) {
      reply.err = e == null ? Err.ErrNoKey : Err.ErrVersion;
    } else {
      sh.kv.put(a.key, new Shard.Entry(a.value, current + 1));
      reply.err = Err.OK;
    }
    return reply;
  }

  private FreezeShardReply doFreeze(FreezeShardArgs a) {
    FreezeShardReply reply = new FreezeShardReply();
    Shard sh = shards.get(a.shard);
    if (a.num < sh.num) {
      // From a move that is over: the shard has been through a newer configuration here.
      reply.num = sh.num;
      reply.err = Err.ErrWrongGroup;
      return reply;
    }
    if (sh.held) {
      sh.frozen = true; // from now on its Gets and Puts are refused
    }
    sh.num = a.num;
    // A shard not held (already deleted by this move, or never here) has no keys: the answer to a
    // repeated freeze that no one waits for any more.
    reply.state = LabGob.encode(new HashMap<>(sh.kv));
    reply.num = sh.num;
    reply.err = Err.OK;
    Debug.log(
        Topic.INFO,
        me,
        0,
        "G%d froze shard %d at num %d (%d keys)",
        gid,
        a.shard,
        a.num,
        sh.kv.size());
    return reply;
  }

  private InstallShardReply doInstall(InstallShardArgs a) {
    InstallShardReply reply = new InstallShardReply();
    Shard sh = shards.get(a.shard);
    if (a.num <= sh.num) {
      // Installed already (a resent install), or from a move that is over: installing again would
      // throw away the Puts executed since.
      reply.err = a.num == sh.num ? Err.OK : Err.ErrWrongGroup;
      return reply;
    }
    // No state: the shard belonged to no group before (gid 0), so it has no keys.
    @SuppressWarnings("unchecked")
    Map<String, Shard.Entry> kv = a.state == null ? Map.of() : LabGob.decode(a.state, Map.class);
    sh.kv = new HashMap<>(kv);
    sh.held = true;
    sh.frozen = false;
    sh.num = a.num;
    reply.err = Err.OK;
    Debug.log(
        Topic.INFO,
        me,
        0,
        "G%d installed shard %d at num %d (%d keys)",
        gid,
        a.shard,
        a.num,
        kv.size());
    return reply;
  }

  private DeleteShardReply doDelete(DeleteShardArgs a) {
    DeleteShardReply reply = new DeleteShardReply();
    Shard sh = shards.get(a.shard);
    if (a.num < sh.num) {
      reply.err = Err.ErrWrongGroup; // from a move that is over
      return reply;
    }
    // Only a frozen shard: its state is at the new group. (Deleted already: nothing to do.)
    if (sh.held && sh.frozen) {
      sh.held = false;
      sh.frozen = false;
      sh.kv = new HashMap<>();
      Debug.log(Topic.INFO, me, 0, "G%d deleted shard %d at num %d", gid, a.shard, a.num);
    }
    sh.num = a.num;
    reply.err = Err.OK;
    return reply;
  }

  // ---- snapshots (every shard, held or not: the numbers fence future moves) -------------------

  @Override
  public byte[] snapshot() {
    synchronized (lock) {
      LabEncoder e = new LabEncoder();
      e.encode(shards);
      return e.bytes();
    }
  }

  @Override
  public void restore(byte[] snapshot) {
    LabDecoder d = new LabDecoder(snapshot);
    @SuppressWarnings("unchecked")
    List<Shard> restored = d.decode(List.class);
    synchronized (lock) {
      shards = new ArrayList<>(restored);
    }
  }

  // ---- shutdown ------------------------------------------------------------------------------

  /** The tester calls kill() when it shuts this server down; waiting requests then fail. */
  @Override
  public void kill() {
    dead.set(true);
    rsm.kill();
  }

  public boolean killed() {
    return dead.get();
  }
}
