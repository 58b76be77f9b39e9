package kvtest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import porcupine.Model;
import porcupine.Operation;
import porcupine.StepResult;

/**
 * The model of the 2025 versioned key/value service (Lab 2's kvsrv and Lab 4's kvraft), the twin of
 * the Go tester's {@code models1/kv.go}.
 *
 * <p>Keys are independent, so the history is partitioned by key and each state is one key's {@link
 * KvState}. The rules:
 *
 * <ul>
 *   <li>Get is legal iff it returned the current value. Its version is not checked (as in Go).
 *   <li>Put at the current version is legal iff it answered OK or ErrMaybe, and bumps the version.
 *   <li>Put at any other version is legal iff it answered ErrVersion or ErrMaybe, and changes
 *       nothing.
 * </ul>
 *
 * So ErrMaybe is legal both ways: the checker decides, for each ErrMaybe, whether it was applied.
 */
public final class KvModel implements Model<KvState, KvInput, KvOutput> {

  @Override
  public List<List<Operation<KvInput, KvOutput>>> partition(
      List<Operation<KvInput, KvOutput>> history) {
    Map<String, List<Operation<KvInput, KvOutput>>> byKey = new LinkedHashMap<>();
    for (Operation<KvInput, KvOutput> op : history) {
      byKey.computeIfAbsent(op.input().key(), k -> new ArrayList<>()).add(op);
    }
    return new ArrayList<>(byKey.values());
  }

  @Override
  public KvState init() {
    return KvState.INITIAL;
  }

  @Override
  public StepResult<KvState> step(KvState state, KvInput in, KvOutput out) {
    if (in.op() == KvInput.Op.GET) {
      return out.value().equals(state.value()) ? StepResult.legal(state) : StepResult.illegal();
    }
    boolean maybe = out.err().equals("ErrMaybe");
    if (in.version() == state.version()) {
      return out.err().equals("OK") || maybe
          ? StepResult.legal(new KvState(in.value(), state.version() + 1))
          : StepResult.illegal();
    }
    return out.err().equals("ErrVersion") || maybe ? StepResult.legal(state) : StepResult.illegal();
  }

  @Override
  public String describeOperation(KvInput in, KvOutput out) {
    if (in.op() == KvInput.Op.GET) {
      return "get("
          + quote(in.key())
          + ") -> "
          + quote(out.value())
          + " v"
          + out.version()
          + (out.err().equals("OK") ? "" : " " + out.err());
    }
    return "put("
        + quote(in.key())
        + ", "
        + quote(in.value())
        + ", v"
        + in.version()
        + ") -> "
        + out.err();
  }

  @Override
  public String describeState(KvState state) {
    return quote(state.value()) + " v" + state.version();
  }

  @Override
  public String describePartition(List<Operation<KvInput, KvOutput>> partition) {
    return partition.isEmpty() ? "" : "key " + quote(partition.get(0).input().key());
  }

  private static String quote(String s) {
    return "\"" + s + "\"";
  }
}
