package kvraft.rsm;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import kvapi.StateMachine;
import kvapi.SubmitResult;
import labrpc.ClientEnd;
import raft.Raft;
import raftapi.ApplyMsg;
import raftapi.Persister;

/**
 * A replicated state machine on your Raft: this is the file you fill in for Lab 4A (and 4C).
 *
 * <p>A server that wants to be replicated (your {@code KVServer} in 4B, the tests' counter in 4A)
 * implements {@link StateMachine} and makes an Rsm:
 *
 * <pre>
 * Rsm rsm = Rsm.make(servers, me, persister, maxraftstate, sm)  also makes the Raft peer
 * SubmitResult r = rsm.submit(req)   run req through the log; OK and sm.doOp(req)'s result, or
 *                                    ErrWrongLeader
 * rsm.raft()                         the Raft peer (the tester serves and kills it)
 * rsm.kill()                         the server is shutting down
 * </pre>
 *
 * <p>What to build (see the handout):
 *
 * <ul>
 *   <li>a reader thread that takes every {@link ApplyMsg} off the apply channel, in order, and
 *       calls {@code sm.doOp(req)} for each committed Op, on every replica;
 *   <li>{@code submit}: wrap the request in an {@link Op} with a unique id, call {@code
 *       raft.start}, and wait until the reader has executed that Op, then return OK and the result.
 *       Return ErrWrongLeader if this peer is not the leader, or if it loses leadership while
 *       waiting (the term changes, or a different Op turns up at the index start returned);
 *   <li>{@code kill}: make every waiting submit return ErrWrongLeader at once, and kill Raft. (In
 *       Go, Raft closes the apply channel when killed and the Rsm notices; a Java BlockingQueue
 *       cannot be closed, so the server calls your kill instead.)
 *   <li>Lab 4C: when {@code raft.persistBytes()} reaches {@code maxraftstate}, hand Raft a snapshot
 *       ({@code raft.snapshot(index, sm.snapshot())}); restore the state machine from {@code
 *       persister.readSnapshot()} when starting and from snapshot ApplyMsgs. With {@code
 *       maxraftstate == -1}, never snapshot.
 * </ul>
 *
 * <p>Threads and locks: {@code submit} is called by many threads at once (one per RPC handler) and
 * may block while this server thinks it is the leader; it may wait forever while the leader is cut
 * off alone. Never hold your lock while calling {@code start} or while the reader waits on the
 * apply channel: Raft's applier may be waiting for the reader, and the reader for your lock.
 */
public class Rsm {
  private final int me;
  private final Raft rf;
  private final BlockingQueue<ApplyMsg> applyCh = new SynchronousQueue<>();
  private final int maxraftstate; // snapshot if Raft's state grows this big; -1: never
  private final StateMachine sm;
  private final AtomicBoolean dead = new AtomicBoolean();

  // Your definitions here (4A).

  private Rsm(ClientEnd[] servers, int me, Persister persister, int maxraftstate, StateMachine sm) {
    this.me = me;
    this.maxraftstate = maxraftstate;
    this.sm = sm;
    this.rf = Raft.make(servers, me, persister, applyCh);
  }

  /**
   * Makes the Rsm and its Raft peer on {@code servers} ({@code servers[me]} is this server); {@code
   * persister} holds the peer's saved state and snapshot. Must return quickly: start a thread for
   * the reader.
   */
  public static Rsm make(
      ClientEnd[] servers, int me, Persister persister, int maxraftstate, StateMachine sm) {
    Rsm rsm = new Rsm(servers, me, persister, maxraftstate, sm);
    // Your code here (4A): start the reader thread (name it, say "rsm-S" + me + "-reader").
    return rsm;
  }

  /** The Raft peer underneath. */
  public raftapi.Raft raft() {
    return rf;
  }

  /**
   * Runs {@code req} through the Raft log and waits until this server has executed it. Returns OK
   * and the result of {@code sm.doOp(req)}, or ErrWrongLeader if the client should try another
   * server. Called by many threads at once.
   */
  public SubmitResult submit(Object req) {
    // Your code here (4A).
    return SubmitResult.wrongLeader();
  }

  /**
   * The server is shutting down: make every waiting {@link #submit} return ErrWrongLeader, stop the
   * reader, and kill Raft. Must return quickly.
   */
  public void kill() {
    dead.set(true);
    rf.kill();
    // Your code here (4A).
  }
}
