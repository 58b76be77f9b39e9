package shardkv.shardgrp;

import java.util.List;
import java.util.function.Function;
import kvapi.Clnt;
import kvapi.Err;
import kvapi.GetArgs;
import kvapi.GetReply;
import kvapi.IKVClerk;
import kvapi.PutArgs;
import kvapi.PutReply;
import shardkv.shardrpc.DeleteShardArgs;
import shardkv.shardrpc.DeleteShardReply;
import shardkv.shardrpc.FreezeShardArgs;
import shardkv.shardrpc.FreezeShardReply;
import shardkv.shardrpc.InstallShardArgs;
import shardkv.shardrpc.InstallShardReply;

/**
 * A client of one shard group (reference solution of Lab 5A).
 *
 * <p>As the Lab 4 clerk, it sends each request to the server it last found to be the leader and
 * tries the others in turn on a lost reply or ErrWrongLeader, pausing after each full round. Two
 * differences. ErrWrongGroup goes back to the caller: the group does not serve that shard (any
 * more, or yet), and only the caller can find out who does. And Gets and Puts give up after {@link
 * #GIVE_UP_ROUNDS} rounds without an answer, with ErrWrongLeader: the whole group may be down, or
 * gone for good after a leave, and the sharded clerk must then ask the controller again rather than
 * wait here forever. The controller's freeze, install and delete give up the same way, and the
 * controller sends them again: it must wait for the group however long it takes.
 */
public class Clerk implements IKVClerk {
  /** The pause after every server has been tried once. */
  static final long ROUND_PAUSE_MS = 100;

  /** Rounds without any answer after which a request gives up (about a second). */
  static final int GIVE_UP_ROUNDS = 10;

  private final Clnt clnt;
  private final List<String> servers;
  private int leader; // the server that answered last; one thread at a time uses a Clerk

  private Clerk(Clnt clnt, List<String> servers) {
    this.clnt = clnt;
    this.servers = List.copyOf(servers);
  }

  /** A clerk of the group whose servers are named {@code servers}. */
  public static Clerk make(Clnt clnt, List<String> servers) {
    return new Clerk(clnt, servers);
  }

  /** The value and version of {@code key}; ErrNoKey; ErrWrongGroup; ErrWrongLeader (gave up). */
  @Override
  public GetResult get(String key) {
    GetArgs args = new GetArgs(key);
    Answer<GetReply> a = call("KVServer.get", args, GetReply::new, r -> r.err);
    if (a.reply() == null) {
      return new GetResult("", 0, Err.ErrWrongLeader);
    }
    GetReply r = a.reply();
    return r.err == Err.OK
        ? new GetResult(r.value, r.version, Err.OK)
        : new GetResult("", 0, r.err);
  }

  /**
   * Puts {@code value} under {@code key} at {@code version}: OK, ErrVersion, ErrNoKey, ErrMaybe,
   * ErrWrongGroup, or ErrWrongLeader (gave up). The sharded clerk uses {@link #putOutcome}, which
   * also says whether an attempt here may have happened unseen.
   */
  @Override
  public Err put(String key, String value, long version) {
    PutOutcome o = putOutcome(key, value, version);
    return o.err() == Err.ErrVersion && o.uncertain() ? Err.ErrMaybe : o.err();
  }

  /**
   * What a Put at this group came to: the last answer's error (or ErrWrongLeader when no leader
   * answered), and whether some attempt got no clear answer and so may have happened.
   */
  public record PutOutcome(Err err, boolean uncertain) {}

  /**
   * Puts {@code value} under {@code key} at {@code version} and reports the error as the server
   * gave it (ErrVersion is not turned into ErrMaybe here) and whether an attempt may have happened
   * unseen. The sharded clerk needs both: a Put whose reply was lost before the shard moved may
   * have happened here and travelled with the shard, so ErrVersion at the next group means "maybe".
   */
  public PutOutcome putOutcome(String key, String value, long version) {
    PutArgs args = new PutArgs(key, value, version);
    Answer<PutReply> a = call("KVServer.put", args, PutReply::new, r -> r.err);
    return a.reply() == null
        ? new PutOutcome(Err.ErrWrongLeader, true)
        : new PutOutcome(a.reply().err, a.uncertain());
  }

  /** The state and error of a {@link #freezeShard}. */
  public record FreezeResult(byte[] state, Err err) {}

  /**
   * Asks the group to freeze shard {@code shard} for configuration {@code num}: OK and the shard's
   * state; ErrWrongGroup if the group has seen a newer configuration for it; ErrWrongLeader (gave
   * up).
   */
  public FreezeResult freezeShard(int shard, int num) {
    FreezeShardArgs args = new FreezeShardArgs(shard, num);
    Answer<FreezeShardReply> a =
        call("KVServer.freezeShard", args, FreezeShardReply::new, r -> r.err);
    return a.reply() == null
        ? new FreezeResult(null, Err.ErrWrongLeader)
        : new FreezeResult(a.reply().state, a.reply().err);
  }

  /** Asks the group to install {@code state} as shard {@code shard} of configuration num. */
  public Err installShard(int shard, byte[] state, int num) {
    InstallShardArgs args = new InstallShardArgs(shard, state, num);
    Answer<InstallShardReply> a =
        call("KVServer.installShard", args, InstallShardReply::new, r -> r.err);
    return a.reply() == null ? Err.ErrWrongLeader : a.reply().err;
  }

  /** Asks the group to delete the frozen shard {@code shard} (moved away in configuration num). */
  public Err deleteShard(int shard, int num) {
    DeleteShardArgs args = new DeleteShardArgs(shard, num);
    Answer<DeleteShardReply> a =
        call("KVServer.deleteShard", args, DeleteShardReply::new, r -> r.err);
    return a.reply() == null ? Err.ErrWrongLeader : a.reply().err;
  }

  // ---- sending -------------------------------------------------------------------------------

  /**
   * A leader's reply (null if none answered in {@link #GIVE_UP_ROUNDS} rounds), and whether an
   * attempt before it went unanswered (lost, or its leader lost its leadership before the request
   * committed: either way, it may still be executed).
   */
  private record Answer<R>(R reply, boolean uncertain) {}

  /**
   * Sends {@code args} to the servers in turn, starting with the last leader, until one answers
   * with something other than ErrWrongLeader.
   */
  private <R> Answer<R> call(
      String method, Object args, java.util.function.Supplier<R> newReply, Function<R, Err> err) {
    boolean uncertain = false;
    int n = servers.size();
    for (int tried = 0; tried < GIVE_UP_ROUNDS * n; tried++) {
      int i = (leader + tried) % n;
      R reply = newReply.get();
      if (clnt.call(servers.get(i), method, args, reply)) {
        if (err.apply(reply) != Err.ErrWrongLeader) {
          leader = i;
          return new Answer<>(reply, uncertain);
        }
      }
      // No reply, or a server that is not (or no longer) the leader: a Put it had started may yet
      // commit, so from here on the outcome of this request is uncertain.
      uncertain = true;
      if ((tried + 1) % n == 0) {
        pause();
      }
    }
    return new Answer<>(null, true);
  }

  private static void pause() {
    try {
      Thread.sleep(ROUND_PAUSE_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("shardgrp.Clerk: interrupted", e);
    }
  }
}
