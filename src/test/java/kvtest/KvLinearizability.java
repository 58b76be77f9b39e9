package kvtest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import porcupine.CheckResult;
import porcupine.Checker;
import porcupine.LinearizationInfo;
import porcupine.Operation;

/**
 * The linearizability check of the versioned key/value service (Lab 2's kvsrv, Lab 4's kvraft):
 * each key by {@link VersionOrderCheck}, which follows the key's versions and decides in about
 * linear time, and Porcupine with {@link KvModel} for the keys that it leaves undecided.
 *
 * <pre>{@code
 * KvLinearizability.Outcome o = KvLinearizability.check(history, Duration.ofSeconds(1));
 * o.result();        // OK, ILLEGAL, or UNKNOWN if Porcupine gave up on an undecided key
 * o.violations();    // for ILLEGAL: what is wrong, one sentence per key
 * LinearizationInfo<KvInput, KvOutput> page = KvLinearizability.explain(history, timeout);
 * }</pre>
 *
 * Both answer the same question with the same rules; the version check just does not need to
 * search, so it does not give up where Porcupine does (twenty clients on one key). The timeout
 * applies to Porcupine only.
 */
public final class KvLinearizability {

  /**
   * What a check found.
   *
   * @param result ILLEGAL if a key is; UNKNOWN if Porcupine gave up on a key; otherwise OK
   * @param keys how many keys the history has
   * @param keysByPorcupine how many of them the version check left to Porcupine
   * @param violations for each ILLEGAL key found by the version check, what is wrong
   */
  public record Outcome(
      CheckResult result, int keys, int keysByPorcupine, List<String> violations) {}

  private static final KvModel KV = new KvModel();

  private KvLinearizability() {}

  /** Checks a history; Porcupine, if needed, gives up after {@code timeout} (zero: never). */
  public static Outcome check(List<Operation<KvInput, KvOutput>> history, Duration timeout) {
    List<List<Operation<KvInput, KvOutput>>> keys = KV.partition(history);
    List<Operation<KvInput, KvOutput>> undecided = new ArrayList<>();
    List<String> violations = new ArrayList<>();
    int keysByPorcupine = 0;
    for (List<Operation<KvInput, KvOutput>> key : keys) {
      VersionOrderCheck.Result r = VersionOrderCheck.check(key);
      switch (r.verdict()) {
        case OK -> {}
        case ILLEGAL -> violations.add(KV.describePartition(key) + ": " + r.reason());
        case UNDECIDED -> {
          undecided.addAll(key);
          keysByPorcupine++;
        }
      }
    }
    if (!violations.isEmpty()) {
      return new Outcome(CheckResult.ILLEGAL, keys.size(), keysByPorcupine, violations);
    }
    CheckResult rest =
        undecided.isEmpty() ? CheckResult.OK : Checker.checkOperations(KV, undecided, timeout);
    return new Outcome(rest, keys.size(), keysByPorcupine, violations);
  }

  /**
   * Porcupine's verbose check of the whole history, for the {@link porcupine.Visualizer}'s page:
   * the longest linearizable prefixes it finds within {@code timeout}. On a key that the version
   * check found ILLEGAL and Porcupine cannot finish, the page shows the search as far as it went.
   */
  public static LinearizationInfo<KvInput, KvOutput> explain(
      List<Operation<KvInput, KvOutput>> history, Duration timeout) {
    return Checker.checkOperationsVerbose(KV, history, timeout);
  }
}
