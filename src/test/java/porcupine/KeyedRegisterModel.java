package porcupine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One integer register per key, each initially 0, partitioned by key: the smallest model with
 * partitions, for the checker's and the visualizer's own tests. A write sets a key's value; a read
 * must return it.
 */
final class KeyedRegisterModel implements Model<Integer, KeyedRegisterModel.Input, Integer> {
  /** Within one key's partition, the register of the unkeyed model. */
  private static final RegisterModel REGISTER = new RegisterModel();

  /** A write of {@code value} to {@code key}, or a read of {@code key} ({@code value} unused). */
  record Input(String key, boolean write, int value) {}

  static Operation<Input, Integer> write(int client, String key, int value, long call, long ret) {
    return new Operation<>(client, new Input(key, true, value), call, 0, ret);
  }

  static Operation<Input, Integer> read(int client, String key, int result, long call, long ret) {
    return new Operation<>(client, new Input(key, false, 0), call, result, ret);
  }

  @Override
  public List<List<Operation<Input, Integer>>> partition(List<Operation<Input, Integer>> history) {
    Map<String, List<Operation<Input, Integer>>> byKey = new LinkedHashMap<>();
    for (Operation<Input, Integer> op : history) {
      byKey.computeIfAbsent(op.input().key(), k -> new ArrayList<>()).add(op);
    }
    return new ArrayList<>(byKey.values());
  }

  @Override
  public Integer init() {
    return REGISTER.init();
  }

  @Override
  public StepResult<Integer> step(Integer state, Input in, Integer out) {
    return REGISTER.step(state, new RegisterModel.Input(in.write(), in.value()), out);
  }

  @Override
  public String describeOperation(Input in, Integer out) {
    return in.write()
        ? "write(\"" + in.key() + "\", " + in.value() + ")"
        : "read(\"" + in.key() + "\") -> " + out;
  }

  @Override
  public String describePartition(List<Operation<Input, Integer>> partition) {
    return partition.isEmpty() ? "" : "key \"" + partition.get(0).input().key() + "\"";
  }
}
