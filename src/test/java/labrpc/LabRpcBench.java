package labrpc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code make bench}: labrpc's speed, in the shape of Go's TestBenchmark (an int argument, a string
 * reply, a reliable network). Prints two lines whose words stay fixed so that figures can be
 * compared across versions:
 *
 * <pre>
 * labrpc sequential: 4.2 us/rpc
 * labrpc concurrent: 250000 calls/s
 * </pre>
 *
 * The Go original does about 21 us/rpc and 90,000-110,000 calls/s on a 2-core machine.
 *
 * <p>Each figure is the median of several rounds (5 x 20,000 sequential calls; 3 rounds of 16
 * callers making 10,000 calls each), after a warm-up: on a small shared machine single rounds vary
 * by tens of percent, and the median is what a student's test run sees most of the time.
 */
public final class LabRpcBench {
  /** The benchmark's server: Go's JunkServer.Handler2. */
  public static final class BenchServer {
    private final AtomicLong calls = new AtomicLong();

    public void handler2(Integer args, StringReply reply) {
      calls.incrementAndGet();
      reply.x = "handler2-" + args;
    }
  }

  /** A reply holding one string. */
  public static final class StringReply {
    String x;
  }

  public static void main(String[] argv) throws Exception {
    int sequentialCalls = argv.length > 0 ? Integer.parseInt(argv[0]) : 100_000;
    int callers = 16;
    int callsPerCaller = argv.length > 1 ? Integer.parseInt(argv[1]) : 10_000;

    Network net = new Network(1);
    Server server = new Server();
    server.addService(new Service(new BenchServer()));
    net.addServer("server99", server);
    List<ClientEnd> ends = new ArrayList<>();
    for (int i = 0; i <= callers; i++) {
      ClientEnd e = net.makeEnd("end-" + i);
      net.connect(e.name(), "server99");
      net.enable(e.name(), true);
      ends.add(e);
    }

    // Warm up the JIT on both paths, then measure five rounds of each.
    sequential(ends.get(0), 20_000);
    concurrent(ends, callers, 2_000);
    double[] us = new double[5];
    double[] rates = new double[3];
    for (int r = 0; r < 5; r++) {
      us[r] = sequential(ends.get(0), sequentialCalls / 5);
    }
    for (int r = 0; r < 3; r++) {
      rates[r] = concurrent(ends, callers, callsPerCaller);
    }
    double usPerRpc = median(us);
    double callsPerSecond = median(rates);
    net.cleanup();

    System.out.printf("labrpc sequential: %.1f us/rpc%n", usPerRpc);
    System.out.printf("labrpc concurrent: %.0f calls/s%n", callsPerSecond);
  }

  private static double median(double[] xs) {
    double[] s = xs.clone();
    java.util.Arrays.sort(s);
    return s[s.length / 2];
  }

  private static double sequential(ClientEnd end, int n) {
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      StringReply reply = new StringReply();
      if (!end.call("BenchServer.handler2", 111, reply) || !"handler2-111".equals(reply.x)) {
        throw new AssertionError("wrong reply from handler2: " + reply.x);
      }
    }
    return (System.nanoTime() - t0) / 1e3 / n;
  }

  private static double concurrent(List<ClientEnd> ends, int callers, int perCaller)
      throws InterruptedException {
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < callers; c++) {
      ClientEnd end = ends.get(c + 1);
      int base = c * perCaller;
      Thread t =
          new Thread(
              () -> {
                try {
                  go.await();
                } catch (InterruptedException e) {
                  return;
                }
                for (int i = 0; i < perCaller; i++) {
                  StringReply reply = new StringReply();
                  if (!end.call("BenchServer.handler2", base + i, reply)) {
                    throw new AssertionError("call failed on a reliable network");
                  }
                }
              });
      t.start();
      threads.add(t);
    }
    long t0 = System.nanoTime();
    go.countDown();
    for (Thread t : threads) {
      t.join();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    return callers * (double) perCaller / seconds;
  }
}
