package kvtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import porcupine.CheckResult;
import porcupine.Checker;
import porcupine.LinearizationInfo;
import porcupine.Operation;
import porcupine.PartitionInfo;
import porcupine.StepResult;

/**
 * Random key/value histories from {@link KvHistoryGenerator}: linearizable by construction, so the
 * checker must say OK; then the same histories with one output changed so that no linearization can
 * explain it, so the checker must say ILLEGAL, in the changed key only. Seeds are fixed: a failure
 * here is reproducible.
 */
class RandomKvHistoryTest {

  private static final KvModel KV = new KvModel();
  // Generous: these checks take milliseconds. A timeout would make a real failure look like a pass.
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void randomHistoryIsLinearizable(long seed) {
    KvHistoryGenerator.Generated g = KvHistoryGenerator.generate(10, 60, 3, seed);
    assertEquals(CheckResult.OK, Checker.checkOperations(KV, g.ops(), TIMEOUT));
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {11, 12, 13})
  void singleKeyUnderHeavyContentionIsLinearizable(long seed) {
    // All clients on one key: the most overlap per partition, the most backtracking.
    KvHistoryGenerator.Generated g = KvHistoryGenerator.generate(12, 60, 1, seed);
    assertEquals(CheckResult.OK, Checker.checkOperations(KV, g.ops(), TIMEOUT));
  }

  @Test
  void largeHistoryIsLinearizable() {
    KvHistoryGenerator.Generated g = KvHistoryGenerator.generate(50, 100, 20, 42);
    assertEquals(5000, g.ops().size());
    assertEquals(CheckResult.OK, Checker.checkOperations(KV, g.ops(), TIMEOUT));
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void staleGetIsIllegal(long seed) {
    KvHistoryGenerator.Injected bad =
        KvHistoryGenerator.withStaleGet(KvHistoryGenerator.generate(10, 60, 3, seed), seed);
    assertIllegalInKeyOf(bad);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void okPutAtStaleVersionIsIllegal(long seed) {
    KvHistoryGenerator.Injected bad =
        KvHistoryGenerator.withOkPutAtStaleVersion(
            KvHistoryGenerator.generate(10, 60, 3, seed), seed);
    assertIllegalInKeyOf(bad);
  }

  @Test
  void violationIsFoundInLargeHistory() {
    KvHistoryGenerator.Injected bad =
        KvHistoryGenerator.withStaleGet(KvHistoryGenerator.generate(50, 100, 20, 42), 42);
    assertEquals(CheckResult.ILLEGAL, Checker.checkOperations(KV, bad.ops(), TIMEOUT));
  }

  @Test
  void generatorIsDeterministic() {
    assertEquals(
        KvHistoryGenerator.generate(5, 20, 2, 7), KvHistoryGenerator.generate(5, 20, 2, 7));
  }

  /** ILLEGAL overall, and in the verbose check exactly the changed operation's key is ILLEGAL. */
  private static void assertIllegalInKeyOf(KvHistoryGenerator.Injected bad) {
    assertEquals(CheckResult.ILLEGAL, Checker.checkOperations(KV, bad.ops(), TIMEOUT));
    String key = bad.ops().get(bad.changed()).input().key();
    LinearizationInfo<KvInput, KvOutput> info =
        Checker.checkOperationsVerbose(KV, bad.ops(), TIMEOUT);
    assertEquals(CheckResult.ILLEGAL, info.result());
    for (PartitionInfo<KvInput, KvOutput> p : info.partitions()) {
      String partKey = p.history().get(0).input().key();
      assertEquals(
          partKey.equals(key) ? CheckResult.ILLEGAL : CheckResult.OK, p.result(), "key " + partKey);
      // What the page will show must be true: every kept prefix is a legal, real-time order.
      for (int op = 0; op < p.history().size(); op++) {
        List<Integer> prefix = p.longestLinearizationContaining(op);
        assertTrue(prefix.isEmpty() || prefix.contains(op), "prefix for op " + op + " lacks it");
      }
      p.partialLinearizations().forEach(prefix -> assertLegalOrder(p.history(), prefix));
      if (p.result() == CheckResult.OK) {
        assertEquals(p.history().size(), p.longestLinearization().size());
      } else {
        int failing = p.firstUnlinearizableOperation().orElseThrow();
        assertFalse(p.longestLinearization().contains(failing));
      }
    }
  }

  private static void assertLegalOrder(
      List<Operation<KvInput, KvOutput>> history, List<Integer> order) {
    KvState state = KV.init();
    for (int k = 0; k < order.size(); k++) {
      Operation<KvInput, KvOutput> op = history.get(order.get(k));
      StepResult<KvState> step = KV.step(state, op.input(), op.output());
      assertTrue(step.ok(), "step " + k + " of a kept prefix is illegal");
      state = step.newState();
      for (int later = k + 1; later < order.size(); later++) {
        assertFalse(
            history.get(order.get(later)).returnTime() < op.callTime(),
            "a kept prefix breaks real time");
      }
    }
  }
}
