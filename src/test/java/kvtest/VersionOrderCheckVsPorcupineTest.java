package kvtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import porcupine.CheckResult;
import porcupine.Checker;
import porcupine.Operation;

/**
 * The version check must say what Porcupine says, wherever it says anything. Thousands of small
 * random histories ({@link SmallKvHistories}), legal and broken, are checked by both; Porcupine
 * runs without a time limit, so its answer is exact. The seeds are fixed: a disagreement is
 * reproducible, and the message prints the history.
 */
class VersionOrderCheckVsPorcupineTest {

  private static final KvModel KV = new KvModel();
  private static final int HISTORIES = 8_000;

  @Test
  void agreesWithPorcupineOnLab4ShapedHistories() {
    // Unique values, as Lab 4's clients put: the version check must decide every one.
    Tally t = compare(new Random(31), true, 5);
    assertEquals(0, t.undecided, "histories with unique values left to Porcupine");
    assertTrue(t.ok > HISTORIES / 5, "too few linearizable histories: " + t);
    assertTrue(t.illegal > HISTORIES / 5, "too few broken histories: " + t);
  }

  @Test
  void agreesWithPorcupineWhenValuesRepeat() {
    // "", "a" and "b" put over and over: some Gets cannot be placed by value, left to Porcupine.
    Tally t = compare(new Random(32), false, 5);
    assertTrue(t.undecided > 0, "no history was left to Porcupine: " + t);
    assertTrue(t.ok + t.illegal > HISTORIES / 2, "the version check decided too few: " + t);
    assertTrue(t.illegal > HISTORIES / 8, "too few broken histories: " + t);
  }

  @Test
  void agreesWithPorcupineWhenMostAnswersAreErrMaybe() {
    // Several ErrMaybe Puts at one version: the check tries each as the writer of the next one.
    Tally t = compare(new Random(33), true, 2);
    assertEquals(0, t.undecided, "histories with unique values left to Porcupine");
    assertTrue(t.ok > HISTORIES / 5, "too few linearizable histories: " + t);
    assertTrue(t.illegal > HISTORIES / 8, "too few broken histories: " + t);
  }

  @Test
  void agreesWithPorcupineOnLongerHistories() {
    // Eight clients, 320 operations over two keys: as in RandomKvHistoryTest, linearizable, then
    // with a stale Get, then with an OK Put at a stale version. Porcupine still finishes these.
    int compared = 0;
    for (long seed = 1; seed <= 30; seed++) {
      KvHistoryGenerator.Generated g = KvHistoryGenerator.generate(8, 40, 2, seed);
      assertSameVerdict(g.ops(), CheckResult.OK);
      assertSameVerdict(KvHistoryGenerator.withStaleGet(g, seed).ops(), CheckResult.ILLEGAL);
      assertSameVerdict(
          KvHistoryGenerator.withOkPutAtStaleVersion(g, seed).ops(), CheckResult.ILLEGAL);
      compared += 3;
    }
    assertEquals(90, compared);
  }

  private static void assertSameVerdict(
      List<Operation<KvInput, KvOutput>> h, CheckResult expected) {
    KvLinearizability.Outcome mine = KvLinearizability.check(h, Duration.ZERO);
    assertEquals(0, mine.keysByPorcupine(), "unique values: every key decided by versions");
    assertEquals(expected, mine.result(), () -> String.join("\n", mine.violations()));
    assertEquals(expected, Checker.checkOperations(KV, h), "Porcupine");
  }

  private static final class Tally {
    int ok;
    int illegal;
    int undecided;

    @Override
    public String toString() {
      return ok + " OK, " + illegal + " ILLEGAL, " + undecided + " undecided";
    }
  }

  private static Tally compare(Random rnd, boolean uniqueValues, int maybeOneIn) {
    Tally t = new Tally();
    for (int n = 0; n < HISTORIES; n++) {
      List<Operation<KvInput, KvOutput>> h = SmallKvHistories.random(rnd, uniqueValues, maybeOneIn);
      VersionOrderCheck.Result mine = VersionOrderCheck.check(h);
      if (mine.verdict() == VersionOrderCheck.Verdict.UNDECIDED) {
        t.undecided++;
        continue;
      }
      CheckResult porcupine = Checker.checkOperations(KV, h);
      CheckResult expected =
          mine.verdict() == VersionOrderCheck.Verdict.OK ? CheckResult.OK : CheckResult.ILLEGAL;
      assertEquals(
          porcupine, expected, () -> "history " + describe(h) + "\nversion check: " + mine);
      if (expected == CheckResult.OK) {
        t.ok++;
      } else {
        t.illegal++;
      }
    }
    return t;
  }

  static String describe(List<Operation<KvInput, KvOutput>> h) {
    StringBuilder s = new StringBuilder();
    for (Operation<KvInput, KvOutput> op : h) {
      s.append("\n  ").append(VersionOrderCheck.describe(op));
    }
    return s.toString();
  }
}
