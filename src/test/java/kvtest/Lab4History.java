package kvtest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import porcupine.CheckResult;
import porcupine.Checker;
import porcupine.Operation;

/**
 * The benchmark's Lab 4 history: the largest of the three checks of one run of {@code
 * testSnapshotRecoverManyClients4C} on the reference solution, recorded with {@code
 * KV_HISTORY_DIR=DIR ./grade.sh --solution -t testSnapshotRecoverManyClients4C 4C} and kept as
 * {@code kv-4c-many-clients.txt.gz} next to this class ({@link KvHistoryFile}'s format).
 *
 * <p>Before it prints a figure, the benchmark makes sure that it timed what it says: the history
 * has the recorded size and shape (20 clients, one key), the check says OK for it, and ILLEGAL for
 * the copy with one stale Get. Otherwise it exits with an error instead of a number.
 */
final class Lab4History {

  static final String RESOURCE = "kv-4c-many-clients.txt.gz";
  static final int OPS = 3_171;
  static final int CLIENTS = 20;

  private Lab4History() {}

  /** The recorded history, in the order the tester logged it. */
  static List<Operation<KvInput, KvOutput>> load() {
    try (InputStream raw = Lab4History.class.getResourceAsStream(RESOURCE)) {
      if (raw == null) {
        throw new IllegalStateException("resource " + RESOURCE + " missing from the classpath");
      }
      String text = new String(new GZIPInputStream(raw).readAllBytes(), StandardCharsets.UTF_8);
      return KvHistoryFile.read(text.lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The history with one Get made stale: it reads the value of version v although the Put that
   * moved the key past version v+1 (an OK Put at version v+1) returned before the Get was called.
   */
  static List<Operation<KvInput, KvOutput>> withStaleGet(List<Operation<KvInput, KvOutput>> h) {
    for (Operation<KvInput, KvOutput> overwritten : h) {
      if (!isOkPut(overwritten)) {
        continue;
      }
      long v = overwritten.input().version();
      for (Operation<KvInput, KvOutput> next : h) {
        if (!isOkPut(next) || next.input().version() != v + 1) {
          continue;
        }
        for (int i = 0; i < h.size(); i++) {
          Operation<KvInput, KvOutput> read = h.get(i);
          if (read.input().op() == KvInput.Op.GET && read.callTime() > next.returnTime()) {
            List<Operation<KvInput, KvOutput>> copy = new ArrayList<>(h);
            KvOutput stale = KvOutput.got(overwritten.input().value(), v + 1, read.output().err());
            copy.set(
                i,
                new Operation<>(
                    read.clientId(), read.input(), read.callTime(), stale, read.returnTime()));
            return copy;
          }
        }
      }
    }
    throw new IllegalStateException("no place for a stale get in the recorded history");
  }

  private static boolean isOkPut(Operation<KvInput, KvOutput> op) {
    return op.input().op() == KvInput.Op.PUT && op.output().err().equals("OK");
  }

  /** Prints the two kv-4c lines of {@link PorcupineKvBench}, or exits if the set-up is wrong. */
  static void report() {
    List<Operation<KvInput, KvOutput>> h = load();
    long clients = h.stream().mapToInt(Operation::clientId).filter(c -> c >= 0).distinct().count();
    long keys = h.stream().map(op -> op.input().key()).distinct().count();
    if (h.size() != OPS || clients != CLIENTS || keys != 1) {
      System.err.printf(
          "versions bench: expected %d ops of %d clients on 1 key, got %d ops, %d clients, %d"
              + " keys%n",
          OPS, CLIENTS, h.size(), clients, keys);
      System.exit(1);
    }
    List<Operation<KvInput, KvOutput>> illegal = withStaleGet(h);
    Duration lab4 = KvTest.LINEARIZABILITY_CHECK_TIMEOUT;
    line("kv-4c", h, CheckResult.OK, lab4);
    line("kv-4c-illegal", illegal, CheckResult.ILLEGAL, lab4);
  }

  private static void line(
      String name, List<Operation<KvInput, KvOutput>> h, CheckResult expected, Duration lab4) {
    long millis =
        PorcupineKvBench.medianMillis(() -> KvLinearizability.check(h, lab4).result(), expected);
    // Porcupine alone, once, under Lab 4's limit: what the check would say without the versions.
    long start = System.nanoTime();
    CheckResult porcupine = Checker.checkOperations(new KvModel(), h, lab4);
    long porcupineMillis = (System.nanoTime() - start) / 1_000_000;
    System.out.println(
        "versions "
            + name
            + ": "
            + h.size()
            + " ops checked in "
            + millis
            + " ms ("
            + expected
            + "; median of "
            + PorcupineKvBench.MEASURED_RUNS
            + "; Porcupine alone with Lab 4's "
            + lab4.toSeconds()
            + " s: "
            + porcupine
            + " after "
            + porcupineMillis
            + " ms)");
  }
}
