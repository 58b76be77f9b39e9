package labrpc;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import labgob.LabGob;
import labgob.LabGobException;

/**
 * labrpc: an in-process network that can lose, delay and reorder RPCs, and whose servers can be cut
 * off or killed. The Java port of Go's {@code labrpc.go}, with its semantics and numbers.
 *
 * <pre>
 * Network net = new Network(seed);
 * ClientEnd end = net.makeEnd("end-0-1");      // made disabled and unconnected
 * net.connect("end-0-1", "server-0-1");
 * net.enable("end-0-1", true);
 * Server srv = new Server();
 * srv.addService(new Service(raft));          // handlers as "Raft.method"
 * net.addServer("server-0-1", srv);
 * boolean ok = end.call("Raft.requestVote", args, reply);
 * </pre>
 *
 * <p>What a call meets, with the Go numbers:
 *
 * <ul>
 *   <li>End enabled and connected to a live server: on an unreliable network the request waits 0–26
 *       ms, then is dropped 10% of the time (the handler does not run). Otherwise the handler runs;
 *       if the end is disabled or the server deleted while it runs, the caller gets false at once.
 *       After the handler, on an unreliable network, the reply is dropped 10% of the time (the
 *       handler's effects stay). With long reordering, about 2/3 of replies are delivered 200–2199
 *       ms late, whatever the reliability.
 *   <li>End disabled or unconnected, or server deleted: false after 0–99 ms, or 0–6999 ms with long
 *       delays (the Raft tester turns them on, so a leader must not wait for its RPCs).
 *   <li>End whose replies are held ({@link #holdReplies}, a raftlab addition that Go lacks): the
 *       handler runs as usual, but the reply waits, however long, until the tester releases the
 *       end; then it is delivered, even if the end has been disabled meanwhile (it was already on
 *       the wire). Tests use it to deliver replies from an earlier term on purpose.
 *   <li>Reply of a server with a trap set ({@link #setReplyTrap}, a raftlab addition): once the
 *       handler has returned, the trap sees the reply first and may crash the server; if it does,
 *       the reply is delivered all the same (it was already on the wire).
 *   <li>Request of an end being recorded ({@link #recordRequests}, a raftlab addition): the newest
 *       one is kept, delivered or not, and the tester may have the network deliver it again ({@link
 *       #deliverAgain}), as a network that duplicates or long delays a request would.
 * </ul>
 *
 * <p>Counting, as in Go: {@link #getTotalCount()} counts every call; {@link #getCount(String)} the
 * requests that reached a server; {@link #getTotalBytes()} the encoded size of every request plus
 * every reply that was delivered.
 *
 * <p>Every random choice comes from one {@link Random} seeded by the constructor, so a seed fixes
 * the sequence of choices; which call gets which choice still depends on thread timing. Delays cost
 * no thread of the network's: the calling thread, which has to wait anyway, waits them out.
 */
public final class Network {
  static final int SHORT_DELAY_MS = 27;
  static final int LONG_DELAY_MS = 7000;
  static final int DEAD_SERVER_DELAY_MS = 100;
  static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final Random rand;
  private final long seed;

  // Topology and settings; guarded by this.
  private boolean reliable = true;
  private boolean longDelays;
  private boolean longReordering;
  private int latencyMs;
  private final Map<String, ClientEnd> ends = new HashMap<>();
  private final Map<String, Boolean> enabled = new HashMap<>();
  private final Map<String, String> connections = new HashMap<>();
  private final Map<String, Server> servers = new HashMap<>();

  /** Ends whose replies wait for {@link #holdReplies}(end, false); waiters wait on the set. */
  private final Set<String> heldEnds = ConcurrentHashMap.newKeySet();

  private final AtomicInteger totalCount = new AtomicInteger();
  private final AtomicLong totalBytes = new AtomicLong();
  private volatile boolean closed;
  // Callers waiting for a slow handler, and callers waiting out a delay, by the caller's thread id
  // (a thread waits for one call at a time), woken early by cleanup: O(1) to join and leave. Keyed
  // by id rather than by the object, whose identity hash code is the same for every object in the
  // deterministic mode (-XX:hashCode=2): one shared bin that every caller locked to leave, and
  // winding a test down there took ten times as long as the test itself.
  private final Map<Long, PendingCall> waiting = new ConcurrentHashMap<>();

  private final Map<Long, Thread> sleepers = new ConcurrentHashMap<>();

  private volatile RpcErrorListener errorListener;

  /** A network whose random choices come from {@code seed}. */
  public Network(long seed) {
    this.seed = seed;
    this.rand = new Random(seed);
  }

  /** A network with a random seed. */
  public Network() {
    this(new java.security.SecureRandom().nextLong());
  }

  public long seed() {
    return seed;
  }

  // ---- settings ----------------------------------------------------------------------------

  public synchronized void setReliable(boolean yes) {
    reliable = yes;
  }

  public synchronized boolean isReliable() {
    return reliable;
  }

  public synchronized void setLongDelays(boolean yes) {
    longDelays = yes;
  }

  public synchronized boolean isLongDelays() {
    return longDelays;
  }

  public synchronized void setLongReordering(boolean yes) {
    longReordering = yes;
  }

  public synchronized boolean isLongReordering() {
    return longReordering;
  }

  /**
   * Makes every request wait a random 0 to {@code maxMs} ms before it reaches its server, on a
   * reliable network too (default 0: none, as in Go's labrpc). testConcurrentChangesOfOneNumber5C
   * sets it while its controllers run, so their calls interleave; the deterministic mode, for good:
   * in its virtual time a request otherwise arrives at once, and the races that need a message in
   * flight (two candidates in one term) cannot happen.
   */
  public synchronized void setLatency(int maxMs) {
    latencyMs = maxMs;
  }

  /** Where programming errors go (unknown method, handler threw); see {@link RpcErrorListener}. */
  public void setErrorListener(RpcErrorListener listener) {
    this.errorListener = listener;
  }

  // ---- topology ----------------------------------------------------------------------------

  /** A new end, disabled and unconnected. End names must be unique. */
  public synchronized ClientEnd makeEnd(String endName) {
    if (ends.containsKey(endName)) {
      throw new IllegalArgumentException("labrpc: makeEnd: end " + endName + " already exists");
    }
    ClientEnd e = new ClientEnd(endName, this);
    ends.put(endName, e);
    enabled.put(endName, false);
    connections.remove(endName);
    return e;
  }

  public synchronized void deleteEnd(String endName) {
    ends.remove(endName);
    enabled.remove(endName);
    connections.remove(endName);
    wakeWaiters();
  }

  public synchronized void addServer(String serverName, Server server) {
    servers.put(serverName, server);
    wakeWaiters();
  }

  /** Kills a server: calls in flight to it return false, later calls meet a dead server. */
  public synchronized void deleteServer(String serverName) {
    servers.put(serverName, null);
    wakeWaiters();
  }

  /** Connects an end to a server; the end still has to be enabled. */
  public synchronized void connect(String endName, String serverName) {
    connections.put(endName, serverName);
  }

  /** Enables or disables an end; a disabled end behaves like a cut cable. */
  public synchronized void enable(String endName, boolean yes) {
    enabled.put(endName, yes);
    if (!yes) {
      wakeWaiters();
    }
  }

  /**
   * Holds back (or, with {@code yes} false, releases) the replies of calls made through {@code
   * endName}: requests still reach the server and its handler runs, but each reply waits until the
   * end is released, then is delivered whatever the end's state by then. A raftlab addition for
   * tests that need replies to arrive late on purpose (Go relies on long reordering).
   */
  public void holdReplies(String endName, boolean yes) {
    synchronized (heldEnds) {
      if (yes) {
        heldEnds.add(endName);
      } else {
        heldEnds.remove(endName);
        heldEnds.notifyAll();
      }
    }
  }

  /** Waits while {@code endName}'s replies are held; false if the network closed meanwhile. */
  private boolean awaitRelease(String endName) {
    if (!heldEnds.contains(endName)) {
      return !closed;
    }
    synchronized (heldEnds) {
      while (heldEnds.contains(endName) && !closed) {
        try {
          heldEnds.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
    return !closed;
  }

  // ---- counters ----------------------------------------------------------------------------

  /** RPCs that reached the server {@code serverName}; 0 if there is none. */
  public int getCount(String serverName) {
    Server s;
    synchronized (this) {
      s = servers.get(serverName);
    }
    return s == null ? 0 : s.getCount();
  }

  /** Every call made through this network, delivered or not. */
  public int getTotalCount() {
    return totalCount.get();
  }

  /** Bytes of every request plus every delivered reply. */
  public long getTotalBytes() {
    return totalBytes.get();
  }

  /** Ends the network: calls not yet sent, and calls still waiting out a delay, return false. */
  public void cleanup() {
    closed = true;
    wakeWaiters();
    synchronized (heldEnds) {
      heldEnds.notifyAll();
    }
    for (Thread t : sleepers.values()) {
      LockSupport.unpark(t);
    }
  }

  // ---- the RPC path ------------------------------------------------------------------------

  /** One call, on the caller's thread; the Java version of Go's processReq. */
  boolean process(ClientEnd end, String svcMeth, byte[] req, Object reply) {
    if (closed) {
      return false;
    }
    totalCount.incrementAndGet();
    totalBytes.addAndGet(req.length);

    String endName = end.name();
    boolean isEnabled;
    String serverName;
    Server server;
    boolean isReliable;
    boolean isLongReordering;
    boolean isLongDelays;
    int latency;
    synchronized (this) {
      isEnabled = Boolean.TRUE.equals(enabled.get(endName)) && ends.get(endName) == end;
      serverName = connections.get(endName);
      server = serverName == null ? null : servers.get(serverName);
      isReliable = reliable;
      isLongReordering = longReordering;
      isLongDelays = longDelays;
      latency = latencyMs;
    }

    if (!recording.isEmpty()) {
      record(endName, svcMeth, req, reply.getClass());
    }

    if (!isEnabled || server == null) {
      // Simulate no reply and an eventual timeout.
      int ms = isLongDelays ? rand.nextInt(LONG_DELAY_MS) : rand.nextInt(DEAD_SERVER_DELAY_MS);
      sleep(ms);
      return false;
    }
    if (!isReliable) {
      if (!sleep(rand.nextInt(SHORT_DELAY_MS)) || rand.nextInt(1000) < 100) {
        return false; // drop the request (or the network was cleaned up meanwhile)
      }
    }

    if (latency > 0 && !sleep(rand.nextInt(latency + 1))) {
      return false;
    }

    PendingCall call = new PendingCall(this, server, svcMeth, req, reply.getClass());
    HandlerPool.SHARED.execute(call);
    Server.Outcome outcome = awaitHandler(call, end, serverName, server);
    if (outcome == null || isServerDead(end, serverName, server) || !outcome.ok()) {
      // The handler is stuck on a dead server, or the server died meanwhile (so a reply from
      // a superseded server can never confirm a write), or the handler failed.
      return false;
    }
    // A trap that springs crashes the server now, after the handler returned: its reply is
    // already on the wire, so it is delivered, and it is never dropped.
    boolean sprung = !traps.isEmpty() && springTrap(serverName, svcMeth);
    if (!sprung && !isReliable && rand.nextInt(1000) < 100) {
      return false; // drop the reply; the handler's effects remain
    }
    if (!awaitRelease(endName)) {
      return false;
    }
    if (isLongReordering && rand.nextInt(900) < 600) {
      int ms = 200 + rand.nextInt(1 + rand.nextInt(2000));
      if (!sleep(ms)) {
        return false;
      }
    }
    totalBytes.addAndGet(outcome.reply.length);
    try {
      LabGob.copyFields(LabGob.decode(outcome.reply), reply);
    } catch (LabGobException e) {
      reportError("labrpc: cannot fill in the reply of " + svcMeth + ": " + e.getMessage(), e);
      return false;
    }
    return true;
  }

  /** Waits for the handler, giving up when the server is dead (checked at least every 100 ms). */
  private Server.Outcome awaitHandler(
      PendingCall call, ClientEnd end, String serverName, Server server) {
    Server.Outcome o = call.await(POLL_NANOS);
    if (o != null) {
      return o;
    }
    long me = Thread.currentThread().getId();
    waiting.put(me, call);
    try {
      while (true) {
        o = call.await(POLL_NANOS);
        if (o != null) {
          return o;
        }
        if (isServerDead(end, serverName, server)
            || closed
            || Thread.currentThread().isInterrupted()) {
          return null;
        }
      }
    } finally {
      waiting.remove(me);
    }
  }

  private synchronized boolean isServerDead(ClientEnd end, String serverName, Server server) {
    return !Boolean.TRUE.equals(enabled.get(end.name())) || servers.get(serverName) != server;
  }

  private void wakeWaiters() {
    for (PendingCall c : waiting.values()) {
      c.wake();
    }
  }

  /**
   * Sleeps on the caller's thread; false if the network was cleaned up meanwhile or the thread was
   * interrupted. Parks rather than waiting on a shared latch: with hundreds of callers waiting out
   * delays, a shared queue makes every timeout cost time proportional to the queue.
   */
  private boolean sleep(int ms) {
    if (ms <= 0) {
      return !closed;
    }
    Thread me = Thread.currentThread();
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
    sleepers.put(me.getId(), me);
    try {
      while (!closed) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return true;
        }
        if (me.isInterrupted()) {
          return false;
        }
        LockSupport.parkNanos(this, left);
      }
      return false;
    } finally {
      sleepers.remove(me.getId());
    }
  }

  void reportError(String message, Throwable cause) {
    RpcErrorListener l = errorListener;
    if (l != null) {
      l.rpcError(message, cause);
    } else {
      System.err.println(message);
      if (cause != null) {
        cause.printStackTrace();
      }
    }
  }

  // ---- reply traps (raftlab) ----------------------------------------------------------------

  /** The traps set by {@link #setReplyTrap}, by server name. */
  private final Map<String, ReplyTrap> traps = new ConcurrentHashMap<>();

  /**
   * Sets (or, with a null {@code trap}, clears) a trap on the replies of server {@code serverName}:
   * each time one of its handlers returns a reply on the live server, {@code trap} is shown it
   * before it travels back, on the caller's thread; once it springs, it is removed, and that reply
   * is delivered whatever the server's and the end's state by then (and never dropped). A raftlab
   * addition: the tester crashes a server in the trap, so the crash lands after a handler returned
   * and before the server did anything else.
   */
  public void setReplyTrap(String serverName, ReplyTrap trap) {
    if (trap == null) {
      traps.remove(serverName);
    } else {
      traps.put(serverName, trap);
    }
  }

  /** Shows a reply to the trap set on its server, if any; true if the trap sprang. */
  private boolean springTrap(String serverName, String svcMeth) {
    ReplyTrap trap = traps.get(serverName);
    if (trap == null) {
      return false;
    }
    // One reply at a time: two replies passing together must not both spring it.
    synchronized (trap) {
      if (traps.get(serverName) != trap || !trap.spring(svcMeth)) {
        return false;
      }
      traps.remove(serverName, trap);
      return true;
    }
  }

  // ---- requests delivered again (raftlab) ----------------------------------------------------

  /** A request kept by {@link #recordRequests}: what {@link #deliverAgain} sends again. */
  private record Recorded(String svcMeth, byte[] req, Class<?> replyClass) {}

  /** The method recorded on each end being recorded, by end name. */
  private final Map<String, String> recording = new ConcurrentHashMap<>();

  /** The newest recorded request of each end, by end name. */
  private final Map<String, Recorded> recorded = new ConcurrentHashMap<>();

  /**
   * Starts (or, with a null {@code svcMeth}, stops) keeping the newest request of method {@code
   * svcMeth} sent on end {@code endName}, whether the network delivers it or not. Once stopped, the
   * request kept last stays available to {@link #deliverAgain} (a test fixes the request it
   * repeats) until recording starts again. A raftlab addition: with {@link #deliverAgain}, the
   * tester makes the network repeat a request, as one that duplicates or long delays requests may.
   */
  public void recordRequests(String endName, String svcMeth) {
    if (svcMeth == null) {
      recording.remove(endName);
    } else {
      recorded.remove(endName);
      recording.put(endName, svcMeth);
    }
  }

  private void record(String endName, String svcMeth, byte[] req, Class<?> replyClass) {
    if (svcMeth.equals(recording.get(endName))) {
      recorded.put(endName, new Recorded(svcMeth, req, replyClass));
    }
  }

  /**
   * Delivers again the newest request recorded on end {@code endName} (see {@link #recordRequests})
   * to the server the end is connected to, whatever the end's state, and waits for the handler; the
   * reply is thrown away, as a duplicate's would be (its sender is not waiting for it). True if a
   * handler ran on a live server; false if nothing was recorded, the server is gone, or the network
   * was cleaned up. Runs on the caller's thread.
   */
  public boolean deliverAgain(String endName) {
    Recorded r = recorded.get(endName);
    if (r == null || closed) {
      return false;
    }
    Server server;
    synchronized (this) {
      String serverName = connections.get(endName);
      server = serverName == null ? null : servers.get(serverName);
    }
    if (server == null) {
      return false;
    }
    totalCount.incrementAndGet();
    totalBytes.addAndGet(r.req().length);
    PendingCall call = new PendingCall(this, server, r.svcMeth(), r.req(), r.replyClass());
    HandlerPool.SHARED.execute(call);
    while (true) {
      Server.Outcome o = call.await(POLL_NANOS);
      if (o != null) {
        return o.ok();
      }
      synchronized (this) {
        if (closed || !servers.containsValue(server)) {
          return false;
        }
      }
      if (Thread.currentThread().isInterrupted()) {
        return false;
      }
    }
  }
}
