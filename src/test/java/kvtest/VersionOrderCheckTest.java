package kvtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import porcupine.CheckResult;
import porcupine.Checker;
import porcupine.LinearizationInfo;
import porcupine.Operation;
import porcupine.Visualizer;

/**
 * The corner cases of {@link VersionOrderCheck}, one small history each, drawn on a clock of a few
 * nanoseconds. Every verdict is also asked of Porcupine, which must agree.
 */
class VersionOrderCheckTest {

  private static final KvModel KV = new KvModel();

  @Test
  void errMaybeThatTookEffectExplainsALaterRead() {
    // The Put's answer was lost, but the Get shows it happened.
    assertVerdict(
        VersionOrderCheck.Verdict.OK,
        put(0, "x", 0, "ErrMaybe", 0, 10), //
        get(1, "x", 1, 20, 30));
  }

  @Test
  void errMaybeThatDidNotTakeEffectLosesToTheOkPutOfItsVersion() {
    // Both put at version 0; "a" answered OK, so "b" (ErrMaybe) came after it and failed.
    assertVerdict(
        VersionOrderCheck.Verdict.OK,
        put(0, "a", 0, "OK", 0, 10),
        put(1, "b", 0, "ErrMaybe", 5, 15),
        get(2, "a", 1, 20, 30));
  }

  @Test
  void errMaybeAtAVersionThatNeverChangedMustHaveTakenEffect() {
    // The model is deterministic: a Put at the current version takes effect, whatever it
    // answered. Nothing else moved the key off version 0, so the ErrMaybe Put happened, and the
    // Get that started after it returned cannot read "".
    assertVerdict(
        VersionOrderCheck.Verdict.ILLEGAL,
        put(0, "x", 0, "ErrMaybe", 0, 10), //
        get(1, "", 0, 20, 30));
  }

  @Test
  void errVersionCalledWhenTheVersionChangesMayGoFirst() {
    // Client 1 is called at 10, the instant the OK Put returns: they overlap, so client 1's Put
    // may have seen version 0 and rightly failed.
    assertVerdict(
        VersionOrderCheck.Verdict.OK,
        put(0, "a", 0, "OK", 0, 10), //
        put(1, "b", 1, "ErrVersion", 10, 20));
  }

  @Test
  void errVersionCalledAfterTheVersionChangedIsWrong() {
    // Called at 11, after the key reached version 1, and nothing moved it further: the Put
    // should have succeeded.
    assertVerdict(
        VersionOrderCheck.Verdict.ILLEGAL,
        put(0, "a", 0, "OK", 0, 10), //
        put(1, "b", 1, "ErrVersion", 11, 20));
  }

  @Test
  void errVersionIsRightIfTheNextPutOvertakesIt() {
    // Client 1 and client 2 race at version 1; client 2 wins inside client 1's call.
    assertVerdict(
        VersionOrderCheck.Verdict.OK,
        put(0, "a", 0, "OK", 0, 10),
        put(1, "b", 1, "ErrVersion", 11, 20),
        put(2, "c", 1, "OK", 12, 30));
  }

  @Test
  void concurrentReadsMayFallEitherSideOfAWrite() {
    // "a" takes effect somewhere in 10..20. Client 3 reads "" although client 2 had already
    // started reading "a": fine, if the write took effect at 16..20, after client 3's read and
    // before client 2's.
    assertVerdict(
        VersionOrderCheck.Verdict.OK,
        put(0, "a", 0, "OK", 10, 20),
        get(1, "", 0, 0, 15),
        get(2, "a", 1, 12, 30),
        get(3, "", 0, 16, 25));
  }

  @Test
  void aReadThatMissesAWriteAnEarlierReadSawIsStale() {
    // Client 1 saw "a" and returned at 12; client 2, called at 13, still reads "".
    assertVerdict(
        VersionOrderCheck.Verdict.ILLEGAL,
        put(0, "a", 0, "OK", 0, 20),
        get(1, "a", 1, 5, 12),
        get(2, "", 0, 13, 25));
  }

  @Test
  void getOfAMissingKeyReadsTheEmptyValue() {
    assertVerdict(
        VersionOrderCheck.Verdict.OK,
        get(0, "", 0, "ErrNoKey", 0, 5),
        put(1, "a", 0, "OK", 6, 10),
        get(0, "a", 1, "OK", 11, 15));
  }

  @Test
  void aPutAnsweredErrNoKeyIsNeverLegal() {
    // The model of Lab 2 and Lab 4 accepts OK, ErrVersion and ErrMaybe for a Put, nothing else.
    assertVerdict(VersionOrderCheck.Verdict.ILLEGAL, put(0, "a", 1, "ErrNoKey", 0, 5));
  }

  @Test
  void twoOkPutsAtOneVersionAreIllegal() {
    assertVerdict(
        VersionOrderCheck.Verdict.ILLEGAL,
        put(0, "a", 0, "OK", 0, 10), //
        put(1, "b", 0, "OK", 0, 10));
  }

  @Test
  void aReadOfAValueNobodyPutIsIllegal() {
    assertVerdict(VersionOrderCheck.Verdict.ILLEGAL, get(0, "ghost", 3, 0, 10));
  }

  @Test
  void writesMustTakeEffectInVersionOrder() {
    // The Put at version 1 returned before the Put at version 0 was called.
    assertVerdict(
        VersionOrderCheck.Verdict.ILLEGAL,
        put(0, "b", 1, "OK", 0, 10), //
        put(1, "a", 0, "OK", 20, 30));
  }

  @Test
  void aValueThatTwoVersionsHoldIsLeftToPorcupine() {
    // "0" is put at version 0 and again at version 2: a Get of "0" could be at either.
    List<Operation<KvInput, KvOutput>> h =
        List.of(
            put(0, "0", 0, "OK", 0, 1),
            put(0, "1", 1, "OK", 2, 3),
            put(0, "0", 2, "OK", 4, 5),
            get(0, "0", 3, 6, 7));
    assertEquals(VersionOrderCheck.Verdict.UNDECIDED, VersionOrderCheck.check(h).verdict());
    // The whole check still decides it, with Porcupine.
    KvLinearizability.Outcome o = KvLinearizability.check(h, Duration.ofSeconds(10));
    assertEquals(CheckResult.OK, o.result());
    assertEquals(1, o.keysByPorcupine());
  }

  @Test
  void twentyClientsOnOneKeyAreDecidedWherePorcupineStruggles() {
    // The shape of testSnapshotRecoverManyClients4C: 20 clients, 5,400 operations, one key.
    KvHistoryGenerator.Generated g = KvHistoryGenerator.generate(20, 270, 1, 4);
    assertEquals(5400, g.ops().size());
    assertEquals(VersionOrderCheck.Verdict.OK, VersionOrderCheck.check(g.ops()).verdict());
    KvHistoryGenerator.Injected stale = KvHistoryGenerator.withStaleGet(g, 4);
    assertEquals(VersionOrderCheck.Verdict.ILLEGAL, VersionOrderCheck.check(stale.ops()).verdict());
    KvHistoryGenerator.Injected ok = KvHistoryGenerator.withOkPutAtStaleVersion(g, 4);
    assertEquals(VersionOrderCheck.Verdict.ILLEGAL, VersionOrderCheck.check(ok.ops()).verdict());
  }

  @Test
  void theRecordedLab4HistoryIsDecided() {
    // A real history of testSnapshotRecoverManyClients4C on the reference (make bench times it).
    List<Operation<KvInput, KvOutput>> h = Lab4History.load();
    assertEquals(Lab4History.OPS, h.size());
    assertEquals(VersionOrderCheck.Verdict.OK, VersionOrderCheck.check(h).verdict());
    assertEquals(
        VersionOrderCheck.Verdict.ILLEGAL,
        VersionOrderCheck.check(Lab4History.withStaleGet(h)).verdict());
  }

  @Test
  void aViolationIsReportedPerKeyWithItsReason() {
    List<Operation<KvInput, KvOutput>> h =
        List.of(
            put(0, "a", 0, "OK", 0, 10),
            put(1, "b", 0, "OK", 0, 10),
            new Operation<>(2, KvInput.put("other", "x", 0), 0, KvOutput.put("OK"), 5));
    KvLinearizability.Outcome o = KvLinearizability.check(h, Duration.ofSeconds(10));
    assertEquals(CheckResult.ILLEGAL, o.result());
    assertEquals(2, o.keys());
    assertEquals(1, o.violations().size());
    assertTrue(
        o.violations().get(0).startsWith("key \"k\": two puts answered OK at version 0"),
        o.violations().get(0));
  }

  @Test
  void aViolationFoundByVersionsStillGetsPorcupinesPage() throws Exception {
    // The tester draws the page from Porcupine's search, whatever the search reached in time.
    KvHistoryGenerator.Generated g = KvHistoryGenerator.generate(20, 100, 1, 5);
    List<Operation<KvInput, KvOutput>> bad = KvHistoryGenerator.withStaleGet(g, 5).ops();
    assertEquals(CheckResult.ILLEGAL, KvLinearizability.check(bad, Duration.ZERO).result());
    LinearizationInfo<KvInput, KvOutput> info =
        KvLinearizability.explain(bad, Duration.ofSeconds(1));
    assertTrue(info.result() != CheckResult.OK, "Porcupine says OK where versions say ILLEGAL");
    StringWriter page = new StringWriter();
    Visualizer.visualize(KV, info, page);
    assertTrue(page.toString().contains("k0"), "the page names the key");
  }

  // ---- helpers ---------------------------------------------------------------------------------

  @SafeVarargs
  private static void assertVerdict(
      VersionOrderCheck.Verdict expected, Operation<KvInput, KvOutput>... ops) {
    List<Operation<KvInput, KvOutput>> h = List.of(ops);
    VersionOrderCheck.Result r = VersionOrderCheck.check(h);
    assertEquals(expected, r.verdict(), r.reason());
    CheckResult porcupine = Checker.checkOperations(KV, h);
    assertEquals(
        expected == VersionOrderCheck.Verdict.OK ? CheckResult.OK : CheckResult.ILLEGAL,
        porcupine,
        "Porcupine disagrees");
  }

  private static Operation<KvInput, KvOutput> put(
      int client, String value, long version, String err, long call, long ret) {
    return new Operation<>(client, KvInput.put("k", value, version), call, KvOutput.put(err), ret);
  }

  private static Operation<KvInput, KvOutput> get(
      int client, String value, long version, long call, long ret) {
    return get(client, value, version, version == 0 ? "ErrNoKey" : "OK", call, ret);
  }

  private static Operation<KvInput, KvOutput> get(
      int client, String value, long version, String err, long call, long ret) {
    return new Operation<>(client, KvInput.get("k"), call, KvOutput.got(value, version, err), ret);
  }
}
