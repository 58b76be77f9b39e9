package kvtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import porcupine.CheckResult;
import porcupine.Checker;
import porcupine.LinearizationInfo;
import porcupine.Operation;
import porcupine.PartitionInfo;
import porcupine.StepResult;

/**
 * The versioned key/value model: its step rules, ErrMaybe and ErrVersion, and partitioning by key.
 */
class KvModelTest {

  private static final KvModel KV = new KvModel();

  private static Operation<KvInput, KvOutput> put(
      int client, String key, String value, long version, String err, long call, long ret) {
    return new Operation<>(client, KvInput.put(key, value, version), call, KvOutput.put(err), ret);
  }

  private static Operation<KvInput, KvOutput> get(
      int client, String key, String value, long version, long call, long ret) {
    return new Operation<>(
        client,
        KvInput.get(key),
        call,
        KvOutput.got(value, version, version == 0 ? "ErrNoKey" : "OK"),
        ret);
  }

  private static CheckResult check(List<Operation<KvInput, KvOutput>> history) {
    return Checker.checkOperations(KV, history, Duration.ofSeconds(10));
  }

  @Test
  void stepFollowsTheVersionRules() {
    KvState s = new KvState("a", 1);
    // A get must see the value; its version is not checked (as in the Go model).
    assertTrue(KV.step(s, KvInput.get("k"), KvOutput.got("a", 1, "OK")).ok());
    assertTrue(KV.step(s, KvInput.get("k"), KvOutput.got("a", 7, "OK")).ok());
    assertFalse(KV.step(s, KvInput.get("k"), KvOutput.got("b", 1, "OK")).ok());
    // A put at the current version applies with OK or ErrMaybe, and bumps the version.
    assertEquals(
        new StepResult<>(true, new KvState("b", 2)),
        KV.step(s, KvInput.put("k", "b", 1), KvOutput.put("OK")));
    assertEquals(
        new KvState("b", 2),
        KV.step(s, KvInput.put("k", "b", 1), KvOutput.put("ErrMaybe")).newState());
    assertFalse(KV.step(s, KvInput.put("k", "b", 1), KvOutput.put("ErrVersion")).ok());
    // A put at another version changes nothing, with ErrVersion or ErrMaybe.
    assertEquals(s, KV.step(s, KvInput.put("k", "b", 0), KvOutput.put("ErrVersion")).newState());
    assertEquals(s, KV.step(s, KvInput.put("k", "b", 5), KvOutput.put("ErrMaybe")).newState());
    assertFalse(KV.step(s, KvInput.put("k", "b", 0), KvOutput.put("OK")).ok());
  }

  @Test
  void getOfMissingKeyReadsEmptyString() {
    assertEquals(CheckResult.OK, check(List.of(get(0, "x", "", 0, 0, 10))));
  }

  @Test
  void getVersionIsNotChecked() {
    assertEquals(
        CheckResult.OK,
        check(List.of(put(0, "x", "a", 0, "OK", 0, 10), get(1, "x", "a", 42, 20, 30))));
  }

  @Test
  void errMaybeThatWasAppliedIsLinearizable() {
    // The later get proves the put happened.
    assertEquals(
        CheckResult.OK,
        check(List.of(put(0, "x", "a", 0, "ErrMaybe", 0, 10), get(1, "x", "a", 1, 20, 30))));
  }

  @Test
  void errMaybeThatWasNotAppliedIsLinearizable() {
    // Both puts expect version 0; the other one won, so the ErrMaybe put was not applied.
    assertEquals(
        CheckResult.OK,
        check(
            List.of(
                put(0, "x", "a", 0, "ErrMaybe", 0, 10),
                put(1, "x", "b", 0, "OK", 0, 10),
                get(2, "x", "b", 1, 20, 30))));
    // Had both answered OK, two puts would have applied at version 0.
    assertEquals(
        CheckResult.ILLEGAL,
        check(
            List.of(
                put(0, "x", "a", 0, "OK", 0, 10),
                put(1, "x", "b", 0, "OK", 0, 10),
                get(2, "x", "b", 1, 20, 30))));
  }

  @Test
  void errVersionMustHaveHadAnotherVersion() {
    // A fresh key is at version 0: a put at version 3 is rejected, a put at version 0 is not.
    assertEquals(CheckResult.OK, check(List.of(put(0, "x", "a", 3, "ErrVersion", 0, 10))));
    assertEquals(CheckResult.ILLEGAL, check(List.of(put(0, "x", "a", 0, "ErrVersion", 0, 10))));
    // ... unless a concurrent put moved the version first.
    assertEquals(
        CheckResult.OK,
        check(List.of(put(0, "x", "a", 0, "ErrVersion", 0, 10), put(1, "x", "b", 0, "OK", 5, 8))));
  }

  @Test
  void okPutAtWrongVersionIsIllegal() {
    assertEquals(CheckResult.ILLEGAL, check(List.of(put(0, "x", "a", 1, "OK", 0, 10))));
  }

  @Test
  void historyIsPartitionedByKeyInOrder() {
    List<Operation<KvInput, KvOutput>> history =
        List.of(
            put(0, "x", "a", 0, "OK", 0, 10),
            put(1, "y", "b", 0, "OK", 5, 15),
            get(2, "x", "a", 1, 20, 30),
            get(2, "z", "", 0, 40, 50));
    List<List<Operation<KvInput, KvOutput>>> parts = KV.partition(history);
    assertEquals(
        List.of(
            List.of(history.get(0), history.get(2)),
            List.of(history.get(1)),
            List.of(history.get(3))),
        parts);
    assertEquals("key \"y\"", KV.describePartition(parts.get(1)));
  }

  @Test
  void violationIsReportedInItsOwnKeyOnly() {
    // Key x is fine; key y reads a value nobody wrote. The verbose check explains both.
    List<Operation<KvInput, KvOutput>> history =
        List.of(
            put(0, "x", "a", 0, "OK", 0, 10),
            get(1, "x", "a", 1, 20, 30),
            put(0, "y", "b", 0, "OK", 40, 50),
            get(1, "y", "c", 1, 60, 70));
    LinearizationInfo<KvInput, KvOutput> info =
        Checker.checkOperationsVerbose(KV, history, Duration.ofSeconds(10));

    assertEquals(CheckResult.ILLEGAL, info.result());
    assertEquals(2, info.partitions().size());
    assertEquals(CheckResult.OK, info.partitions().get(0).result());
    PartitionInfo<KvInput, KvOutput> y = info.partitions().get(1);
    assertEquals(CheckResult.ILLEGAL, y.result());
    assertEquals(
        "c", y.history().get(y.firstUnlinearizableOperation().orElseThrow()).output().value());
  }
}
