package porcupine;

/**
 * A single integer register, initially 0: the textbook object for linearizability examples, used by
 * the checker's own tests. A write sets the value; a read must return the current value.
 */
final class RegisterModel implements Model<Integer, RegisterModel.Input, Integer> {

  /** A write of {@code value}, or a read (then {@code value} is unused). */
  record Input(boolean write, int value) {}

  static Operation<Input, Integer> write(int client, int value, long call, long ret) {
    return new Operation<>(client, new Input(true, value), call, 0, ret);
  }

  static Operation<Input, Integer> read(int client, int result, long call, long ret) {
    return new Operation<>(client, new Input(false, 0), call, result, ret);
  }

  @Override
  public Integer init() {
    return 0;
  }

  @Override
  public StepResult<Integer> step(Integer state, Input in, Integer out) {
    if (in.write()) {
      return StepResult.legal(in.value());
    }
    return out.equals(state) ? StepResult.legal(state) : StepResult.illegal();
  }

  @Override
  public String describeOperation(Input in, Integer out) {
    return in.write() ? "write(" + in.value() + ")" : "read() -> " + out;
  }
}
