package kvtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import porcupine.CheckResult;
import porcupine.Checker;
import porcupine.Operation;

/**
 * Times the linearizability checker on key/value histories of the versioned service. Prints:
 *
 * <pre>
 * porcupine kv: 12000 ops checked in T ms
 * porcupine kv-c50: 1700 ops checked in T ms (OK; ...)
 * porcupine kv-c50-illegal: 1700 ops checked in T ms (ILLEGAL; ...)
 * versions kv-4c: N ops checked in T ms (OK; ...)
 * versions kv-4c-illegal: N ops checked in T ms (ILLEGAL; ...)
 * </pre>
 *
 * <ul>
 *   <li>{@code kv}: a long linearizable history, 50 clients, 12,000 operations over 20 keys: easy
 *       partitions, so it measures the checker's per-operation cost.
 *   <li>{@code kv-c50}: the shape of Porcupine's own hardest key/value test data ({@code c50-ok}):
 *       50 clients, about 1,700 operations over a handful of keys, many of them in flight at once,
 *       so the search backtracks. It is what Lab 4's histories look like when many clients share
 *       few keys.
 *   <li>{@code kv-c50-illegal}: the same history with one stale read injected.
 *   <li>{@code kv-4c}: the largest history of {@code testSnapshotRecoverManyClients4C} that we
 *       recorded on the reference ({@link Lab4History}): 20 clients on one key, a single partition
 *       that Porcupine's search cannot finish in Lab 4's 1 s. Timed with the check Lab 4 uses
 *       ({@link KvLinearizability}, which decides it by the key's versions), and, for comparison,
 *       with Porcupine alone under Lab 4's limit. {@code kv-4c-illegal} is the same history with
 *       one Get made stale.
 * </ul>
 *
 * Each figure is the median of several runs after warm-up runs; "verbose" is the variant Lab 4
 * calls, which also keeps the partial linearizations for the page. {@code --export DIR} also writes
 * the two kv-c50 histories ({@link KvHistoryFile}), so Go's Porcupine can be timed on the identical
 * histories.
 *
 * <pre>
 * make bench
 * java -cp target/solution/test-classes kvtest.PorcupineKvBench --export /tmp/kv-c50
 * </pre>
 */
public final class PorcupineKvBench {

  private static final int WARM_UP_RUNS = 3;
  static final int MEASURED_RUNS = 7;
  // kv-c50: 50 clients, 34 operations each, 4 keys. The seeds are fixed; they were picked so
  // that Go's Porcupine needs about as long for this history as for its own c50-ok (0.3 s here),
  // and for the illegal one a few tenths of a second, like a hard Lab 4 check.
  private static final int C50_CLIENTS = 50;
  private static final int C50_OPS_PER_CLIENT = 34;
  private static final int C50_KEYS = 4;
  private static final long C50_SEED = 2;
  private static final long C50_STALE_GET_SEED = 5;

  private PorcupineKvBench() {}

  public static void main(String[] args) throws IOException {
    KvModel model = new KvModel();
    KvHistoryGenerator.Generated large = KvHistoryGenerator.generate(50, 240, 20, 2025);
    KvHistoryGenerator.Generated c50 = c50History();
    List<Operation<KvInput, KvOutput>> c50Illegal =
        KvHistoryGenerator.withStaleGet(c50, C50_STALE_GET_SEED).ops();
    if (args.length == 2 && args[0].equals("--export")) {
      Path dir = Files.createDirectories(Path.of(args[1]));
      KvHistoryFile.write(c50.ops(), dir.resolve("kv-c50-ok.txt"));
      KvHistoryFile.write(c50Illegal, dir.resolve("kv-c50-illegal.txt"));
      System.out.println(
          "porcupine kv-c50: wrote "
              + dir.resolve("kv-c50-ok.txt")
              + " and "
              + dir.resolve("kv-c50-illegal.txt"));
    }

    long millis = medianMillis(() -> Checker.checkOperations(model, large.ops()), CheckResult.OK);
    System.out.println("porcupine kv: " + large.ops().size() + " ops checked in " + millis + " ms");
    report("kv-c50", model, c50.ops(), CheckResult.OK);
    report("kv-c50-illegal", model, c50Illegal, CheckResult.ILLEGAL);
    Lab4History.report();
  }

  /** The kv-c50 history: deterministic, so every run and the Go benchmark check the same one. */
  static KvHistoryGenerator.Generated c50History() {
    return KvHistoryGenerator.generate(C50_CLIENTS, C50_OPS_PER_CLIENT, C50_KEYS, C50_SEED);
  }

  private static void report(
      String name,
      KvModel model,
      List<Operation<KvInput, KvOutput>> history,
      CheckResult expected) {
    long plain = medianMillis(() -> Checker.checkOperations(model, history), expected);
    long verbose =
        medianMillis(
            () -> Checker.checkOperationsVerbose(model, history, Duration.ZERO).result(), expected);
    System.out.println(
        "porcupine "
            + name
            + ": "
            + history.size()
            + " ops checked in "
            + plain
            + " ms ("
            + expected
            + "; verbose, as Lab 4 checks: "
            + verbose
            + " ms; median of "
            + MEASURED_RUNS
            + ")");
  }

  /** The median wall time of the measured runs; exits if a run gives the wrong verdict. */
  static long medianMillis(Supplier<CheckResult> check, CheckResult expected) {
    long[] millis = new long[MEASURED_RUNS];
    for (int run = -WARM_UP_RUNS; run < MEASURED_RUNS; run++) {
      long start = System.nanoTime();
      CheckResult result = check.get();
      long elapsed = (System.nanoTime() - start) / 1_000_000;
      if (result != expected) {
        System.err.println("porcupine bench: expected " + expected + ", got " + result);
        System.exit(1);
      }
      if (run >= 0) {
        millis[run] = elapsed;
      }
    }
    Arrays.sort(millis);
    return millis[MEASURED_RUNS / 2];
  }
}
