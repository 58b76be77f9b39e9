package porcupine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The stop flag: a timeout ends a hopeless search with UNKNOWN, and an ILLEGAL partition ends the
 * searches of the others. Both use a history that is exponentially hard on purpose.
 */
class CheckerTimeoutTest {

  private static final KeyedRegisterModel REGISTERS = new KeyedRegisterModel();

  /**
   * 60 fully concurrent writes of different values, then a read of a value nobody wrote. Every
   * subset of the writes, with every choice of which one came last, is a different (set, state)
   * pair, and all of them must be tried before ILLEGAL: about 2^60 steps.
   */
  private static List<Operation<KeyedRegisterModel.Input, Integer>> hardHistory(String key) {
    List<Operation<KeyedRegisterModel.Input, Integer>> ops = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      ops.add(KeyedRegisterModel.write(i, key, i + 1, i, 1_000 + i));
    }
    ops.add(KeyedRegisterModel.read(60, key, -1, 2_000, 3_000));
    return ops;
  }

  @Test
  void hardHistoryTimesOutAsUnknown() {
    long start = System.nanoTime();
    CheckResult result =
        Checker.checkOperations(REGISTERS, hardHistory("h"), Duration.ofMillis(100));
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertEquals(CheckResult.UNKNOWN, result);
    // The search notices the flag within a step; allow a busy machine plenty of slack.
    assertTrue(millis < 5_000, "took " + millis + " ms to stop after a 100 ms timeout");
  }

  @Test
  void verboseCheckAlsoTimesOutAndKeepsWhatItFound() {
    LinearizationInfo<KeyedRegisterModel.Input, Integer> info =
        Checker.checkOperationsVerbose(REGISTERS, hardHistory("h"), Duration.ofMillis(100));

    assertEquals(CheckResult.UNKNOWN, info.result());
    PartitionInfo<KeyedRegisterModel.Input, Integer> part = info.partitions().get(0);
    assertEquals(CheckResult.UNKNOWN, part.result());
    // All 60 writes linearize at once; only the get was never placed.
    assertEquals(60, part.longestLinearization().size());
    assertFalse(part.firstUnlinearizableOperation().isPresent());
  }

  @Test
  void illegalPartitionStopsTheOtherSearches() {
    // Key "h" would take forever; key "x" is illegal at once, and that settles the answer.
    List<Operation<KeyedRegisterModel.Input, Integer>> history = new ArrayList<>(hardHistory("h"));
    history.add(KeyedRegisterModel.read(0, "x", 7, 0, 10));
    long start = System.nanoTime();
    // The timeout is only a backstop in case the stop flag is broken.
    CheckResult result = Checker.checkOperations(REGISTERS, history, Duration.ofSeconds(20));
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertEquals(CheckResult.ILLEGAL, result);
    assertTrue(millis < 5_000, "took " + millis + " ms: the hard partition was not stopped");
  }

  @Test
  void partitionQueuedBehindSlowOnesIsStillSearched() {
    // More hopeless partitions than the checker has threads, and after them an easy one. The
    // searches take turns, so the easy one is answered before the time limit, as with Go's
    // goroutine per partition, instead of coming back UNKNOWN without a step taken.
    List<Operation<KeyedRegisterModel.Input, Integer>> history = new ArrayList<>();
    int hard = 2 * Runtime.getRuntime().availableProcessors() + 2;
    for (int p = 0; p < hard; p++) {
      history.addAll(hardHistory("h" + p));
    }
    history.add(KeyedRegisterModel.write(0, "easy", 1, 0, 10));
    history.add(KeyedRegisterModel.read(1, "easy", 1, 20, 30));
    LinearizationInfo<KeyedRegisterModel.Input, Integer> info =
        Checker.checkOperationsVerbose(REGISTERS, history, Duration.ofMillis(300));

    assertEquals(CheckResult.UNKNOWN, info.result());
    List<PartitionInfo<KeyedRegisterModel.Input, Integer>> parts = info.partitions();
    assertEquals(CheckResult.OK, parts.get(parts.size() - 1).result(), "the easy partition");
  }

  @Test
  void illegalPartitionQueuedBehindSlowOnesStopsThem() {
    List<Operation<KeyedRegisterModel.Input, Integer>> history = new ArrayList<>();
    int hard = 2 * Runtime.getRuntime().availableProcessors() + 2;
    for (int p = 0; p < hard; p++) {
      history.addAll(hardHistory("h" + p));
    }
    history.add(KeyedRegisterModel.read(0, "x", 7, 0, 10));
    long start = System.nanoTime();
    CheckResult result = Checker.checkOperations(REGISTERS, history, Duration.ofSeconds(20));
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertEquals(CheckResult.ILLEGAL, result);
    assertTrue(millis < 5_000, "took " + millis + " ms: the illegal partition waited its turn");
  }
}
