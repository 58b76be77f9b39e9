package labrpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import labrpc.JunkServer.StringReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The numbers of the Go emulator, checked statistically under a fixed seed: drop rates, the ranges
 * of the delays, and that delays cost no emulator threads. Calls run concurrently, so each test
 * takes about as long as its longest delay. Bounds are wide enough for a busy machine.
 */
class NetworkBehaviourTest {
  private final Network rn = new Network(7);
  private final JunkServer js = new JunkServer();

  @AfterEach
  void cleanup() {
    rn.cleanup();
  }

  /** n ends, each connected to a server holding js, enabled if {@code enabled}. */
  private List<ClientEnd> ends(int n, boolean enabled) {
    Server rs = new Server();
    rs.addService(new Service(js));
    rn.addServer("s", rs);
    List<ClientEnd> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ClientEnd e = rn.makeEnd("e" + i);
      rn.connect("e" + i, "s");
      rn.enable("e" + i, enabled);
      out.add(e);
    }
    return out;
  }

  /** One call per end, all at once; returns each call's duration in ms, -1 for a false. */
  private List<Long> callAll(List<ClientEnd> ends) throws InterruptedException {
    ConcurrentLinkedQueue<Long> out = new ConcurrentLinkedQueue<>();
    List<Thread> threads = new ArrayList<>();
    for (ClientEnd e : ends) {
      Thread t =
          new Thread(
              () -> {
                long t0 = System.nanoTime();
                boolean ok = e.call("JunkServer.handler2", 1, new StringReply());
                long ms = (System.nanoTime() - t0) / 1_000_000;
                out.add(ok ? ms : -1 - ms);
              });
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      t.join();
    }
    return new ArrayList<>(out);
  }

  @Test
  void unreliableNetworkDropsTenPercentOfRequestsAndTenPercentOfReplies() throws Exception {
    rn.setReliable(false);
    List<ClientEnd> ends = ends(2000, true);
    List<Long> results = callAll(ends);

    long succeeded = results.stream().filter(ms -> ms >= 0).count();
    int handlerRan = js.log2Size();
    // Requests: 10% dropped before the handler runs. Replies: 10% of the rest dropped after.
    assertTrue(
        handlerRan > 2000 * 0.86 && handlerRan < 2000 * 0.94,
        "handler ran for " + handlerRan + " of 2000 requests; expected about 90%");
    double replyDrop = 1 - succeeded / (double) handlerRan;
    assertTrue(
        replyDrop > 0.06 && replyDrop < 0.14,
        "dropped " + replyDrop + " of the replies; expected about 10%");
    assertEquals(2000, rn.getTotalCount());
  }

  @Test
  void unreliableNetworkDelaysRequestsUpTo26ms() throws Exception {
    rn.setReliable(false);
    List<Long> results = callAll(ends(400, true));
    long max = results.stream().mapToLong(ms -> ms >= 0 ? ms : -1 - ms).max().orElseThrow();
    double mean = results.stream().mapToLong(ms -> ms >= 0 ? ms : -1 - ms).average().orElseThrow();
    assertTrue(mean > 6 && mean < 40, "mean delay " + mean + " ms; expected about 13 ms");
    assertTrue(max >= 20, "longest delay " + max + " ms; expected some close to 26 ms");
  }

  /**
   * Latency (a raftlab addition, for the deterministic mode): on a reliable network, every request
   * waits 0 to the bound before it is delivered, and none is lost.
   */
  @Test
  void latencyDelaysReliableRequestsUpToItsBound() throws Exception {
    rn.setLatency(40);
    List<Long> results = callAll(ends(300, true));
    assertTrue(results.stream().allMatch(ms -> ms >= 0), "latency must not lose requests");
    double mean = results.stream().mapToLong(Long::longValue).average().orElseThrow();
    long max = results.stream().mapToLong(Long::longValue).max().orElseThrow();
    assertTrue(mean > 10 && mean < 80, "mean delay " + mean + " ms; expected about 20 ms");
    assertTrue(max >= 30, "longest delay " + max + " ms; expected some close to 40 ms");
  }

  @Test
  void unreachableServerFailsWithin100msWithoutLongDelays() throws Exception {
    List<Long> results = callAll(ends(300, false));
    assertTrue(results.stream().allMatch(ms -> ms < 0), "a call to a disabled end succeeded");
    long max = results.stream().mapToLong(ms -> -1 - ms).max().orElseThrow();
    double mean = results.stream().mapToLong(ms -> -1 - ms).average().orElseThrow();
    assertTrue(mean > 25 && mean < 100, "mean " + mean + " ms; expected about 50 ms");
    assertTrue(max >= 80 && max < 400, "longest " + max + " ms; expected just under 100 ms");
    assertEquals(0, js.log2Size(), "a handler ran behind a disabled end");
  }

  @Test
  void unreachableServerFailsWithin7sWithLongDelays() throws Exception {
    rn.setLongDelays(true);
    List<Long> results = callAll(ends(300, false));
    long max = results.stream().mapToLong(ms -> -1 - ms).max().orElseThrow();
    double mean = results.stream().mapToLong(ms -> -1 - ms).average().orElseThrow();
    assertTrue(mean > 2500 && mean < 4500, "mean " + mean + " ms; expected about 3500 ms");
    assertTrue(max >= 6000 && max < 7500, "longest " + max + " ms; expected just under 7000");
  }

  @Test
  void longReorderingDelaysTwoThirdsOfRepliesBy200To2200ms() throws Exception {
    rn.setLongReordering(true);
    List<Long> results = callAll(ends(600, true));
    assertTrue(results.stream().allMatch(ms -> ms >= 0), "reordering must not lose replies");
    long late = results.stream().filter(ms -> ms >= 200).count();
    double fraction = late / 600.0;
    assertTrue(fraction > 0.58 && fraction < 0.75, fraction + " delayed; expected about 2/3");
    long max = results.stream().mapToLong(Long::longValue).max().orElseThrow();
    assertTrue(max < 2700, "longest " + max + " ms; expected under 2200 ms");
  }

  /**
   * A held end (a raftlab addition): the handler runs at once, the reply waits until the end is
   * released, and is delivered even though the end was disabled meanwhile.
   */
  @Test
  void heldRepliesArriveOnRelease() throws Exception {
    ClientEnd e = ends(1, true).get(0);
    rn.holdReplies("e0", true);
    java.util.concurrent.atomic.AtomicBoolean ok = new java.util.concurrent.atomic.AtomicBoolean();
    Thread t = new Thread(() -> ok.set(e.call("JunkServer.handler2", 7, new StringReply())));
    t.start();
    t.join(500);
    assertTrue(t.isAlive(), "the reply of a held end must wait for the release");
    assertEquals(1, rn.getCount("s"), "the request must reach the server while the end is held");
    rn.enable("e0", false);
    rn.holdReplies("e0", false);
    t.join(2000);
    assertFalse(t.isAlive(), "the reply must arrive once the end is released");
    assertTrue(ok.get(), "a held reply is delivered even if the end was disabled meanwhile");
  }

  /**
   * A reply trap (a raftlab addition): it sees each reply after the handler has returned; one that
   * declines lets the reply pass; one that springs may kill the server, and its reply is delivered
   * all the same, once; the next call meets the dead server.
   */
  @Test
  void aSprungTrapDeliversTheReplyOfAServerItKilled() {
    ClientEnd e = ends(1, true).get(0);
    List<String> seen = new ArrayList<>();
    rn.setReplyTrap(
        "s",
        svcMeth -> {
          seen.add(svcMeth);
          if (seen.size() < 2) {
            return false; // the first reply passes
          }
          rn.deleteServer("s");
          rn.enable("e0", false);
          return true;
        });
    StringReply first = new StringReply();
    assertTrue(e.call("JunkServer.handler2", 1, first), "a declined trap lets the reply pass");
    assertEquals("handler2-1", first.x);
    StringReply second = new StringReply();
    assertTrue(
        e.call("JunkServer.handler2", 2, second),
        "the reply seen by a trap that sprang is delivered though the server is gone");
    assertEquals("handler2-2", second.x);
    assertFalse(e.call("JunkServer.handler2", 3, new StringReply()), "the server is dead now");
    assertEquals(List.of("JunkServer.handler2", "JunkServer.handler2"), seen);
  }

  /**
   * A recorded end's newest request of the recorded method, delivered or not, can be delivered
   * again: its handler runs once more, and the copy stays fixed once recording stops.
   */
  @Test
  void aRecordedRequestIsDeliveredAgain() {
    ClientEnd e = ends(1, true).get(0);
    assertFalse(rn.deliverAgain("e0"), "nothing recorded yet");
    rn.recordRequests("e0", "JunkServer.handler2");
    e.call("JunkServer.handler2", 1, new StringReply());
    rn.enable("e0", false);
    assertFalse(e.call("JunkServer.handler2", 2, new StringReply()), "the end is cut off");
    rn.recordRequests("e0", null); // stops: request 2, which never arrived, is the one kept
    e.call("JunkServer.handler2", 3, new StringReply());

    assertTrue(rn.deliverAgain("e0"), "the handler should run on the live server");
    assertTrue(rn.deliverAgain("e0"));
    assertEquals(List.of(1, 2, 2), js.log2, "request 2 arrives twice, request 3 never");

    rn.deleteServer("s");
    assertFalse(rn.deliverAgain("e0"), "the server is gone");
  }

  /**
   * A pending delay costs no thread of the network: 2,000 calls waiting out long delays (or long
   * reordering) need no more labrpc threads than a few handler threads.
   */
  @Test
  void delaysCostNoEmulatorThreads() throws Exception {
    int before = labrpcThreads();
    rn.setLongReordering(true);
    List<ClientEnd> ends = ends(2000, true);
    AtomicInteger maxThreads = new AtomicInteger();
    Thread sampler =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                maxThreads.accumulateAndGet(labrpcThreads(), Math::max);
                try {
                  Thread.sleep(20);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    sampler.start();
    List<Long> results = callAll(ends);
    sampler.interrupt();
    sampler.join();
    assertEquals(2000, results.size());
    int grew = maxThreads.get() - before;
    assertTrue(grew < 200, "labrpc threads grew by " + grew + " for 2000 delayed calls");
  }

  @Test
  void cleanupEndsCallsThatAreWaitingOutADelay() throws Exception {
    rn.setLongDelays(true);
    List<ClientEnd> ends = ends(50, false);
    Thread caller =
        new Thread(
            () -> {
              try {
                callAll(ends);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    long t0 = System.nanoTime();
    caller.start();
    Thread.sleep(100);
    rn.cleanup();
    caller.join(2000);
    assertFalse(caller.isAlive(), "calls still waiting after cleanup");
    assertTrue((System.nanoTime() - t0) / 1e9 < 2.5);
  }

  private static int labrpcThreads() {
    int n = 0;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("labrpc-")) {
        n++;
      }
    }
    return n;
  }
}
