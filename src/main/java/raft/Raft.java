package raft;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import labrpc.ClientEnd;
import raftapi.ApplyMsg;
import raftapi.Persister;

/**
 * A Raft peer: this is the file you fill in (Lab 3A-3D).
 *
 * <p>The tester and, later, your key/value service use it through the {@link raftapi.Raft}
 * interface:
 *
 * <pre>
 * Raft rf = Raft.make(peers, me, persister, applyCh)   create a peer; returns at once
 * rf.start(command)        propose a command; returns (index, term, isLeader) at once
 * rf.getState()            (currentTerm, isLeader)
 * rf.snapshot(index, data) the service has snapshotted everything up to index (3D)
 * rf.kill()                the peer is being shut down
 * </pre>
 *
 * Each time an entry becomes committed, the peer sends an {@link ApplyMsg} on {@code applyCh}, in
 * log order. The tester reads them on its own thread. Mind the order of the factories' arguments:
 * {@code ApplyMsg.command(index, command)} takes the index first, {@code ApplyMsg.snapshot(bytes,
 * term, index)} (3D) the index last.
 *
 * <p>Threads: start your background work (the ticker below, heartbeats, applying) on threads of
 * your own, name them (say {@code "raft-S" + me + "-ticker"}) so that thread dumps are readable,
 * and make every loop end once {@link #killed()} is true. Guard all shared state with one lock
 * ({@link #mu}), and never hold it while calling an RPC or while putting on {@code applyCh}: both
 * can block for a long time (an RPC to a disconnected peer takes up to 7 seconds to fail).
 *
 * <p>Send RPCs concurrently: a candidate sends its RequestVotes, and a leader its heartbeats, to
 * all peers at once, each on a thread of its own (as Go starts a goroutine per RPC). A loop that
 * calls {@link #sendRequestVote} for one peer after another waits up to 7 seconds for each
 * disconnected peer, and the elections of the 3A tests come too late. lab3-raft.md ("Part 3A",
 * hints) shows the pattern, with votes counted under {@link #mu}.
 *
 * <p>Four Java traps:
 *
 * <ul>
 *   <li>Peers interact only through RPCs ({@code peers[i].call}): no shared variables, no files.
 *       Every peer of a test, and every test of a run, live in one JVM, so a {@code static} field
 *       here is shared by all peers and outlives the test: make all state instance fields.
 *   <li>Every public, non-static {@code void} method with two parameters (the second one of your
 *       own classes) is registered as an RPC handler, callable as {@code "Raft.name"}. Keep your
 *       helpers private, or make them return something.
 *   <li>Do not name your role enum {@code State}: {@code Raft} implements {@link raftapi.Raft},
 *       whose nested record {@code State} is what {@link #getState()} returns, and a class of yours
 *       named {@code State} hides it. Call it {@code Role}.
 *   <li>An exception that escapes one of your threads fails the test at once, naming the thread (in
 *       Go such a panic would end the whole run). Catch what you can handle, such as {@code
 *       InterruptedException} after {@link #kill()}.
 * </ul>
 *
 * <p>Debugging: {@code debug.Debug.log(Topic.VOTE, me, currentTerm, "votes for S%d", id)} prints a
 * line with the time, topic, server and term when you run {@code ./grade.sh -v}, and is nearly free
 * otherwise; the tester also shows these events in the timeline of a failed test.
 */
public class Raft implements raftapi.Raft {
  private final ReentrantLock mu = new ReentrantLock(); // guards all of this peer's state
  private final ClientEnd[] peers; // RPC end points of all peers; peers[me] is this one
  private final Persister persister; // holds this peer's persisted state
  private final int me; // this peer's index into peers[]
  private final AtomicBoolean dead = new AtomicBoolean(); // set by kill()
  private final BlockingQueue<ApplyMsg> applyCh;
  private final Thread tickerThread; // started by make(), interrupted by kill()

  // Your data here (3A, 3B, 3C).
  // Look at the paper's Figure 2 for a description of what state a Raft server must keep.
  // Mark every field that mu guards with @GuardedBy("mu"), like currentTerm below: then
  // `make check-locks` reports each access made without holding mu (Java's nearest thing to
  // Go's race detector). A method that expects its caller to hold mu gets @GuardedBy("mu") too.

  @GuardedBy("mu")
  private int currentTerm; // latest term this server has seen (Figure 2)

  private Raft(ClientEnd[] peers, int me, Persister persister, BlockingQueue<ApplyMsg> applyCh) {
    this.peers = peers;
    this.me = me;
    this.persister = persister;
    this.applyCh = applyCh;
    this.tickerThread = new Thread(this::ticker, "raft-S" + me + "-ticker");
    this.tickerThread.setDaemon(true);
  }

  /**
   * Creates a Raft peer. {@code peers} holds the RPC ends of all the Raft servers (including this
   * one), in the same order on every server; this server's end is {@code peers[me]}. {@code
   * persister} is where this server saves its persistent state, and also initially holds the most
   * recent saved state, if any. {@code applyCh} is where the tester or service expects Raft to send
   * ApplyMsg messages; it is unbuffered, like a Go channel, so {@code put} waits until the receiver
   * takes the message.
   *
   * <p>Must return quickly: start threads for any long-running work.
   */
  public static Raft make(
      ClientEnd[] peers, int me, Persister persister, BlockingQueue<ApplyMsg> applyCh) {
    Raft rf = new Raft(peers, me, persister, applyCh);

    rf.mu.lock(); // the fields are @GuardedBy("mu"), even here
    try {
      // Your initialization code here (3A, 3B, 3C).

      // Initialize from state persisted before a crash.
      rf.readPersist(persister.readRaftState());
    } finally {
      rf.mu.unlock();
    }

    // Start the ticker thread to start elections; start your other threads here too.
    rf.tickerThread.start();

    return rf;
  }

  /** Returns currentTerm and whether this server believes it is the leader. Must not block. */
  @Override
  public State getState() {
    int term = 0;
    boolean isLeader = false;
    // Your code here (3A).
    return new State(term, isLeader);
  }

  /**
   * Saves Raft's persistent state to stable storage, where it can later be retrieved after a crash
   * and restart. See the paper's Figure 2 for a description of what should be persistent. Before
   * you've implemented snapshots, pass null as the second argument of save(). After you've
   * implemented snapshots, pass the current snapshot (or null if there's not yet a snapshot). Call
   * it holding mu.
   */
  @GuardedBy("mu")
  private void persist() {
    // Your code here (3C).
    // Example:
    // LabEncoder e = new LabEncoder();
    // e.encode(xxx);
    // e.encode(yyy);
    // persister.save(e.bytes(), null);
  }

  /** Restores previously persisted state. Call it holding mu. */
  @GuardedBy("mu")
  private void readPersist(byte[] data) {
    if (data == null || data.length < 1) { // bootstrap without any state?
      return;
    }
    // Your code here (3C).
    // Example (LogEntry being a log entry class of your own, e.g. a record):
    // LabDecoder d = new LabDecoder(data);
    // xxx = d.decodeInt();
    // yyy = d.decodeList(LogEntry.class);
  }

  /** How many bytes are in Raft's persisted log? */
  @Override
  public int persistBytes() {
    mu.lock();
    try {
      return persister.raftStateSize();
    } finally {
      mu.unlock();
    }
  }

  /**
   * The service says it has created a snapshot that has all info up to and including index. This
   * means the service no longer needs the log through (and including) that index. Raft should now
   * trim its log as much as possible. Called on every peer, often from the thread that receives
   * from applyCh: it must not wait for applyCh, nor for a lock held by a thread that does.
   */
  @Override
  public void snapshot(int index, byte[] snapshot) {
    // Your code here (3D).
  }

  /**
   * The RequestVote RPC handler, called by labrpc when another peer calls {@code
   * peers[i].call("Raft.requestVote", args, reply)}. Fill in {@code reply}; it must be thread-safe
   * and should not block for long.
   *
   * <p>labrpc registers every public, non-static void method with two parameters as a handler,
   * under its Java name: this one, your {@code appendEntries} later, and any other method of that
   * shape you write by mistake. Helpers should be private.
   */
  public void requestVote(RequestVoteArgs args, RequestVoteReply reply) {
    // Your code here (3A, 3B).
  }

  /**
   * Sends a RequestVote RPC to a server. {@code server} is the index of the target server in
   * peers[]. Fills in {@code reply}, so the caller should pass a fresh reply object.
   *
   * <p>call() returns true if labrpc delivered the RPC and a reply came back, false otherwise: the
   * server may be dead, a live server may be unreachable, the request may be lost, or the reply may
   * be lost. call() is guaranteed to return (perhaps after a delay) except if the handler on the
   * other side does not return, so there is no need to implement your own timeouts around it. Look
   * at the comments in labrpc.ClientEnd for more details.
   *
   * <p>If you're having trouble getting RPC to work, check that the method name passed to call()
   * matches the handler's name, and that the reply you pass is of the handler's reply class.
   *
   * <p>Call it without holding mu, and not for one peer after another on the same thread: a call to
   * a disconnected peer can take up to 7 seconds to return false. Send to every peer at once, each
   * call on a thread of its own, and count the replies under mu.
   */
  private boolean sendRequestVote(int server, RequestVoteArgs args, RequestVoteReply reply) {
    return peers[server].call("Raft.requestVote", args, reply);
  }

  /**
   * The service using Raft (e.g. a k/v server) wants to start agreement on the next command to be
   * appended to Raft's log. If this server isn't the leader, returns false. Otherwise starts the
   * agreement and returns immediately. There is no guarantee that this command will ever be
   * committed to the Raft log, since the leader may fail or lose an election. Even if the Raft
   * instance has been killed, this function should return gracefully.
   *
   * <p>The first return value is the index that the command will appear at if it's ever committed.
   * The second return value is the current term. The third return value is true if this server
   * believes it is the leader.
   */
  @Override
  public StartResult start(Object command) {
    int index = -1;
    int term = -1;
    boolean isLeader = true;

    // Your code here (3B).

    return new StartResult(index, term, isLeader);
  }

  /**
   * The tester doesn't halt threads created by Raft after each test, but it does call kill(). Your
   * code can use killed() to check whether kill() has been called. The use of an atomic avoids the
   * need for a lock.
   *
   * <p>The issue is that long-running threads use memory and may chew up CPU time, perhaps causing
   * later tests to fail and generating confusing debug output. Any thread with a long-running loop
   * should call killed() to check whether it should stop. The tester names the threads still
   * running a few seconds after a test.
   *
   * <p>A thread blocked in {@code applyCh.put(msg)} does not see killed(): once the reader of the
   * channel (the tester, or in Lab 4 your Rsm) has stopped, nobody takes the message. Interrupt
   * your threads here (a blocked put then throws InterruptedException), or send with {@code
   * applyCh.offer(msg, 100, TimeUnit.MILLISECONDS)} in a loop that checks killed().
   */
  @Override
  public void kill() {
    dead.set(true);
    tickerThread.interrupt(); // wakes the ticker from its sleep, so it ends at once
    // Your code here, if desired (interrupt or signal your other threads).
  }

  public boolean killed() {
    return dead.get();
  }

  private void ticker() {
    while (!killed()) {
      // Your code here (3A)
      // Check if a leader election should be started.

      // Pause for a random amount of time between 50 and 350 milliseconds.
      long ms = 50 + ThreadLocalRandom.current().nextLong(300);
      try {
        Thread.sleep(ms);
      } catch (InterruptedException e) {
        return; // kill() interrupted us: stop
      }
    }
  }
}
