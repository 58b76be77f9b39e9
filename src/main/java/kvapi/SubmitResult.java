package kvapi;

/**
 * What {@code Rsm.submit} returns (Go's pair {@code (rpc.Err, any)}): OK and the result of {@link
 * StateMachine#doOp}, or ErrWrongLeader and null.
 */
public record SubmitResult(Err err, Object result) {

  public static SubmitResult ok(Object result) {
    return new SubmitResult(Err.OK, result);
  }

  public static SubmitResult wrongLeader() {
    return new SubmitResult(Err.ErrWrongLeader, null);
  }
}
