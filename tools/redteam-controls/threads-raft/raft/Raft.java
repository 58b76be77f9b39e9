package raft;

import debug.Debug;
import debug.Debug.Topic;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import labgob.LabDecoder;
import labgob.LabEncoder;
import labrpc.ClientEnd;
import raftapi.ApplyMsg;
import raftapi.Persister;

/**
 * A correct Raft written with raw threads and {@code synchronized}, a control of the integrity scan
 * (issue 27): the object's monitor guards all state, wait/notifyAll replace conditions, and every
 * RPC gets a new thread of its own, as Go gives each a goroutine. Leader election, log replication
 * with the fast backup, persistence, and snapshots. Section numbers refer to the extended Raft
 * paper; "Figure 2" is its summary of the rules, which this class follows rule by rule.
 *
 * <p>Threads, each of which exits soon after {@link #kill()}:
 *
 * <ul>
 *   <li>{@code raft-S<me>-ticker} starts an election when no leader has been heard from for an
 *       election timeout (randomized, so that split votes resolve);
 *   <li>{@code raft-S<me>-leader} sends AppendEntries to every peer: at once when {@link #start}
 *       adds an entry, and at least every {@link #HEARTBEAT_MS} ms as a heartbeat;
 *   <li>{@code raft-S<me>-applier} sends committed entries and installed snapshots to the apply
 *       channel, in order, without holding the lock (the receiver may call back into Raft);
 *   <li>a pool of {@code raft-S<me>-rpc} threads makes the RPCs, one task per RPC, so that a slow
 *       or dead peer never delays the others.
 * </ul>
 *
 * <p>One lock, {@link #mu}, guards all state (fields and methods marked {@code @GuardedBy("mu")},
 * which {@code make check-locks} verifies). It is never held while calling an RPC or putting on the
 * apply channel, the two things that can block for long.
 */
public class Raft implements raftapi.Raft {
  /** Heartbeats 10 times a second: the most the tester allows. */
  static final int HEARTBEAT_MS = 100;

  /** Election timeouts between 300 and 600 ms: three missed heartbeats, well under 5 s. */
  static final int ELECTION_TIMEOUT_MIN_MS = 300;

  static final int ELECTION_TIMEOUT_SPREAD_MS = 300;

  private enum Role {
    FOLLOWER,
    CANDIDATE,
    LEADER
  }

  private final ClientEnd[] peers;
  private final Persister persister;
  private final int me;
  private final BlockingQueue<ApplyMsg> applyCh;
  private final AtomicBoolean dead = new AtomicBoolean();
  private final List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();

  // Persistent state on all servers (Figure 2), saved before answering any RPC.
  private int currentTerm;

  private int votedFor = -1;

  private RaftLog log = new RaftLog();

  private byte[] snapshot = new byte[0];

  // Volatile state on all servers.
  private int commitIndex;

  private int lastApplied;

  private Role role = Role.FOLLOWER;

  private long electionDeadline; // System.nanoTime() at which to start an election

  private ApplyMsg pendingSnapshot; // received from a leader, not yet sent to the service

  // Volatile state on leaders, reinitialized after each election.
  private int[] nextIndex;

  private int[] matchIndex;

  private boolean replicateNow; // start() added entries: send them without waiting

  private Raft(ClientEnd[] peers, int me, Persister persister, BlockingQueue<ApplyMsg> applyCh) {
    this.peers = peers;
    this.me = me;
    this.persister = persister;
    this.applyCh = applyCh;
  }

  /**
   * Creates a peer and starts its threads; returns at once. {@code peers[me]} is this peer; every
   * peer's array lists the peers in the same order.
   */
  public static Raft make(
      ClientEnd[] peers, int me, Persister persister, BlockingQueue<ApplyMsg> applyCh) {
    Raft rf = new Raft(peers, me, persister, applyCh);
    synchronized (rf) {
      rf.readPersist(persister.readRaftState(), persister.readSnapshot());
      rf.resetElectionTimer();
    }
    rf.startThread("ticker", rf::ticker);
    rf.startThread("leader", rf::leaderLoop);
    rf.startThread("applier", rf::applier);
    return rf;
  }

  private void startThread(String name, Runnable body) {
    Thread t = new Thread(body, "raft-S" + me + "-" + name);
    t.setDaemon(true);
    threads.add(t);
    t.start();
  }

  // ---- the raftapi.Raft interface ---------------------------------------------------------

  @Override
  public State getState() {
    synchronized (this) {
      return new State(currentTerm, role == Role.LEADER);
    }
  }

  @Override
  public StartResult start(Object command) {
    synchronized (this) {
      if (role != Role.LEADER || killed()) {
        return new StartResult(-1, currentTerm, false);
      }
      log.append(new LogEntry(currentTerm, command));
      persist();
      matchIndex[me] = log.lastIndex();
      replicateNow = true;
      notifyAll();
      return new StartResult(log.lastIndex(), currentTerm, true);
    }
  }

  @Override
  public void snapshot(int index, byte[] snapshot) {
    synchronized (this) {
      if (index <= log.lastIncludedIndex() || index > lastApplied) {
        return; // stale, or covers entries not yet applied: nothing to compact
      }
      log.compactThrough(index, log.term(index));
      this.snapshot = snapshot;
      persist();
    }
  }

  @Override
  public int persistBytes() {
    synchronized (this) {
      return persister.raftStateSize();
    }
  }

  @Override
  public void kill() {
    dead.set(true);
    synchronized (this) {
      notifyAll();
    }
    // Interrupt our threads wherever they wait (an RPC, the apply channel), so they exit now.
    for (Thread t : threads) {
      t.interrupt();
    }
  }

  /** True once {@link #kill()} was called; every long-running loop checks it. */
  public boolean killed() {
    return dead.get();
  }

  // ---- persistence (3C) -------------------------------------------------------------------

  /** Saves the persistent state of Figure 2 (and the snapshot); call with the lock held. */
  private void persist() {
    LabEncoder e = new LabEncoder();
    e.encode(currentTerm);
    e.encode(votedFor);
    e.encode(log.lastIncludedIndex());
    e.encode(log.lastIncludedTerm());
    e.encode(log.afterSnapshot());
    persister.save(e.bytes(), snapshot);
  }

  private void readPersist(byte[] data, byte[] snap) {
    if (data == null || data.length == 0) {
      return; // a fresh peer, with nothing persisted yet
    }
    LabDecoder d = new LabDecoder(data);
    currentTerm = d.decodeInt();
    votedFor = d.decodeInt();
    int lastIncludedIndex = d.decodeInt();
    int lastIncludedTerm = d.decodeInt();
    List<LogEntry> entries = d.decodeList(LogEntry.class);
    log = new RaftLog(lastIncludedIndex, lastIncludedTerm, entries);
    snapshot = snap;
    // The service restores the snapshot itself when it starts, so it has seen everything the
    // snapshot includes.
    commitIndex = lastIncludedIndex;
    lastApplied = lastIncludedIndex;
  }

  // ---- elections (3A) ---------------------------------------------------------------------

  private void resetElectionTimer() {
    long ms =
        ELECTION_TIMEOUT_MIN_MS + ThreadLocalRandom.current().nextInt(ELECTION_TIMEOUT_SPREAD_MS);
    electionDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
  }

  private void ticker() {
    while (!killed()) {
      synchronized (this) {
        if (role != Role.LEADER && System.nanoTime() >= electionDeadline) {
          startElection();
        }
      }
      sleep(10);
    }
  }

  /** Becomes a candidate and asks every peer for its vote (Figure 2, "Candidates"). */
  private void startElection() {
    role = Role.CANDIDATE;
    currentTerm++;
    votedFor = me;
    persist();
    Debug.log(Topic.TIMR, me, currentTerm, "election timeout: starting an election");
    resetElectionTimer();
    RequestVoteArgs args = new RequestVoteArgs(currentTerm, me, log.lastIndex(), log.lastTerm());
    AtomicInteger votes = new AtomicInteger(1);
    for (int peer = 0; peer < peers.length; peer++) {
      if (peer != me) {
        int p = peer;
        submit(() -> requestVoteFrom(p, args, votes));
      }
    }
  }

  private void requestVoteFrom(int peer, RequestVoteArgs args, AtomicInteger votes) {
    RequestVoteReply reply = new RequestVoteReply();
    if (!peers[peer].call("Raft.requestVote", args, reply)) {
      return;
    }
    synchronized (this) {
      if (reply.term > currentTerm) {
        stepDown(reply.term);
        return;
      }
      // Count the vote only if we are still the candidate of the term we asked in.
      if (role != Role.CANDIDATE || currentTerm != args.term || !reply.voteGranted) {
        return;
      }
      if (votes.incrementAndGet() > peers.length / 2) {
        becomeLeader();
      }
    }
  }

  /** The RequestVote handler (Figure 2, "RequestVote RPC: receiver implementation"). */
  public void requestVote(RequestVoteArgs args, RequestVoteReply reply) {
    synchronized (this) {
      if (args.term > currentTerm) {
        stepDown(args.term);
      }
      reply.term = currentTerm;
      if (args.term < currentTerm) {
        return;
      }
      // The election restriction (section 5.4.1): vote only for a log at least as up to date.
      boolean upToDate =
          args.lastLogTerm > log.lastTerm()
              || (args.lastLogTerm == log.lastTerm() && args.lastLogIndex >= log.lastIndex());
      if ((votedFor == -1 || votedFor == args.candidateId) && upToDate) {
        votedFor = args.candidateId;
        persist();
        reply.voteGranted = true;
        Debug.log(Topic.VOTE, me, currentTerm, "votes for S%d", args.candidateId);
        resetElectionTimer(); // granting a vote counts as hearing from a would-be leader
      }
    }
  }

  /** A higher term was seen: adopt it and become a follower (Figure 2, "All Servers"). */
  private void stepDown(int term) {
    Debug.log(Topic.TERM, me, term, "saw term %d (was %d): follower", term, currentTerm);
    currentTerm = term;
    votedFor = -1;
    role = Role.FOLLOWER;
    persist();
  }

  private void becomeLeader() {
    Debug.log(
        Topic.LEAD, me, currentTerm, "won the election: leader, log ends at %d", log.lastIndex());
    role = Role.LEADER;
    nextIndex = new int[peers.length];
    matchIndex = new int[peers.length];
    for (int i = 0; i < peers.length; i++) {
      nextIndex[i] = log.lastIndex() + 1;
    }
    matchIndex[me] = log.lastIndex();
    replicateNow = true; // an immediate heartbeat tells the others who won
    notifyAll();
  }

  // ---- replication (3B) -------------------------------------------------------------------

  /** Sends AppendEntries (or InstallSnapshot) to all peers when there is news, or every 100 ms. */
  private synchronized void leaderLoop() {
    try {
      while (!killed()) {
        // Clear the flag whatever our role: a flag left set by a leader that has since stepped
        // down would make the wait below return at once, forever, without releasing the lock.
        replicateNow = false;
        if (role == Role.LEADER) {
          for (int peer = 0; peer < peers.length; peer++) {
            if (peer != me) {
              sendTo(peer);
            }
          }
        }
        // Wait for the next heartbeat, or for start() to add an entry.
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(HEARTBEAT_MS);
        while (!killed() && !replicateNow) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            break;
          }
          TimeUnit.NANOSECONDS.timedWait(this, left);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Sends {@code peer} what it is missing; call holding the monitor. */
  private void sendTo(int peer) {
    int next = nextIndex[peer];
    if (next <= log.lastIncludedIndex()) {
      // The entries the peer needs are gone into the snapshot: send the snapshot instead.
      InstallSnapshotArgs args =
          new InstallSnapshotArgs(
              currentTerm, me, log.lastIncludedIndex(), log.lastIncludedTerm(), snapshot);
      submit(() -> installSnapshotOn(peer, args));
      return;
    }
    AppendEntriesArgs args =
        new AppendEntriesArgs(
            currentTerm, me, next - 1, log.term(next - 1), log.from(next), commitIndex);
    submit(() -> appendEntriesTo(peer, args));
  }

  private void appendEntriesTo(int peer, AppendEntriesArgs args) {
    AppendEntriesReply reply = new AppendEntriesReply();
    if (!peers[peer].call("Raft.appendEntries", args, reply)) {
      return; // lost; the next heartbeat retries
    }
    synchronized (this) {
      if (reply.term > currentTerm) {
        stepDown(reply.term);
        return;
      }
      if (role != Role.LEADER || currentTerm != args.term) {
        return; // a reply to an older term's request
      }
      if (reply.success) {
        // Replies may arrive out of order: never move matchIndex backwards.
        int match = args.prevLogIndex + args.entries.size();
        if (match > matchIndex[peer]) {
          matchIndex[peer] = match;
        }
        nextIndex[peer] = Math.max(nextIndex[peer], matchIndex[peer] + 1);
        advanceCommitIndex();
        return;
      }
      // The fast backup: skip the follower's whole conflicting term, or jump to its log end.
      if (reply.xTerm == -1) {
        nextIndex[peer] = reply.xLen;
      } else {
        int last = log.lastIndexOfTerm(reply.xTerm);
        nextIndex[peer] = last >= 0 ? last + 1 : reply.xIndex;
      }
      nextIndex[peer] = Math.max(1, Math.min(nextIndex[peer], log.lastIndex() + 1));
      sendTo(peer); // try again at once rather than a heartbeat later
    }
  }

  /**
   * Commits the highest index stored on a majority, but only if its entry is from the current term:
   * counting replicas of an older term's entry is unsafe (section 5.4.2, Figure 8).
   */
  private void advanceCommitIndex() {
    for (int n = log.lastIndex(); n > commitIndex && n > log.lastIncludedIndex(); n--) {
      if (log.term(n) != currentTerm) {
        break; // terms only decrease going backwards
      }
      int count = 0;
      for (int m : matchIndex) {
        if (m >= n) {
          count++;
        }
      }
      if (count > peers.length / 2) {
        Debug.log(Topic.CMIT, me, currentTerm, "commits up to %d", n);
        commitIndex = n;
        notifyAll();
        break;
      }
    }
  }

  /** The AppendEntries handler (Figure 2, "AppendEntries RPC: receiver implementation"). */
  public void appendEntries(AppendEntriesArgs args, AppendEntriesReply reply) {
    synchronized (this) {
      if (args.term > currentTerm) {
        stepDown(args.term);
      }
      reply.term = currentTerm;
      if (args.term < currentTerm) {
        return; // a stale leader
      }
      // A current leader exists: follow it.
      role = Role.FOLLOWER;
      resetElectionTimer();

      if (args.prevLogIndex < log.lastIncludedIndex()) {
        // The start of this request is inside our snapshot: pretend it began at the snapshot.
        int skip = log.lastIncludedIndex() - args.prevLogIndex;
        if (skip > args.entries.size()) {
          reply.success = true; // everything in it is already in our snapshot
          return;
        }
        args.entries = args.entries.subList(skip, args.entries.size());
        args.prevLogIndex = log.lastIncludedIndex();
        args.prevLogTerm = log.lastIncludedTerm();
      }
      if (args.prevLogIndex > log.lastIndex()) {
        reply.xTerm = -1;
        reply.xLen = log.lastIndex() + 1;
        return;
      }
      if (log.term(args.prevLogIndex) != args.prevLogTerm) {
        reply.xTerm = log.term(args.prevLogIndex);
        reply.xIndex = log.firstIndexOfTerm(args.prevLogIndex);
        reply.xLen = log.lastIndex() + 1;
        return;
      }
      // Append new entries, deleting a conflicting suffix first; an entry we already hold is
      // kept, since this request may be an old, delayed one.
      boolean changed = false;
      for (int i = 0; i < args.entries.size(); i++) {
        int index = args.prevLogIndex + 1 + i;
        if (index <= log.lastIndex() && log.term(index) != args.entries.get(i).term()) {
          log.truncateFrom(index);
        }
        if (index > log.lastIndex()) {
          log.append(args.entries.get(i));
          changed = true;
        }
      }
      if (changed) {
        persist();
      }
      int lastNew = args.prevLogIndex + args.entries.size();
      if (args.leaderCommit > commitIndex) {
        commitIndex = Math.min(args.leaderCommit, lastNew);
        notifyAll();
      }
      reply.success = true;
    }
  }

  // ---- snapshots (3D) ---------------------------------------------------------------------

  private void installSnapshotOn(int peer, InstallSnapshotArgs args) {
    InstallSnapshotReply reply = new InstallSnapshotReply();
    if (!peers[peer].call("Raft.installSnapshot", args, reply)) {
      return;
    }
    synchronized (this) {
      if (reply.term > currentTerm) {
        stepDown(reply.term);
        return;
      }
      if (role != Role.LEADER || currentTerm != args.term) {
        return;
      }
      matchIndex[peer] = Math.max(matchIndex[peer], args.lastIncludedIndex);
      nextIndex[peer] = Math.max(nextIndex[peer], args.lastIncludedIndex + 1);
    }
  }

  /** The InstallSnapshot handler (Figure 13, without chunks). */
  public void installSnapshot(InstallSnapshotArgs args, InstallSnapshotReply reply) {
    synchronized (this) {
      if (args.term > currentTerm) {
        stepDown(args.term);
      }
      reply.term = currentTerm;
      if (args.term < currentTerm) {
        return;
      }
      role = Role.FOLLOWER;
      resetElectionTimer();
      if (args.lastIncludedIndex <= commitIndex) {
        return; // we already have (or will apply) everything the snapshot holds
      }
      // Keep the entries after the snapshot if our log agrees at its last entry.
      if (args.lastIncludedIndex <= log.lastIndex()
          && log.term(args.lastIncludedIndex) == args.lastIncludedTerm) {
        log.compactThrough(args.lastIncludedIndex, args.lastIncludedTerm);
      } else {
        log = new RaftLog(args.lastIncludedIndex, args.lastIncludedTerm, List.of());
      }
      Debug.log(
          Topic.SNAP,
          me,
          currentTerm,
          "installs a snapshot up to %d from S%d",
          args.lastIncludedIndex,
          args.leaderId);
      snapshot = args.data;
      commitIndex = args.lastIncludedIndex;
      persist();
      pendingSnapshot = ApplyMsg.snapshot(args.data, args.lastIncludedTerm, args.lastIncludedIndex);
      notifyAll();
    }
  }

  // ---- applying -----------------------------------------------------------------------------

  /** Sends snapshots and committed entries to the service, in order, without holding the lock. */
  private void applier() {
    while (!killed()) {
      ApplyMsg msg;
      try {
        synchronized (this) {
          while (!killed() && pendingSnapshot == null && lastApplied >= commitIndex) {
            wait();
          }
          if (killed()) {
            return;
          }
          if (pendingSnapshot != null) {
            msg = pendingSnapshot;
            pendingSnapshot = null;
            lastApplied = Math.max(lastApplied, msg.snapshotIndex());
          } else {
            lastApplied++;
            msg = ApplyMsg.command(lastApplied, log.get(lastApplied).command());
          }
        }
      } catch (InterruptedException e) {
        return;
      }
      try {
        applyCh.put(msg);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  // ---- helpers ------------------------------------------------------------------------------

  private void submit(Runnable rpc) {
    if (killed()) {
      return;
    }
    Thread t = new Thread(rpc, "raft-S" + me + "-rpc");
    t.setDaemon(true);
    t.start();
  }

  private void sleep(int ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
