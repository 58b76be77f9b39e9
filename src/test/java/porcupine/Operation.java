package porcupine;

/**
 * One completed client call in a recorded history.
 *
 * <p>{@code callTime} is taken just before the request is sent and {@code returnTime} just after
 * the reply arrives, so the operation took effect at some instant in between. Times are nanoseconds
 * from any origin shared by the whole history (the checker only compares them). When two times are
 * equal the checker treats the operations as overlapping.
 *
 * @param clientId who made the call; the visualizer draws one lane per client
 * @param input what was asked, for example a key/value request
 * @param callTime when the call started, in nanoseconds
 * @param output what came back, for example a key/value reply
 * @param returnTime when the reply arrived, in nanoseconds; never before {@code callTime}
 * @param <I> the model's input type
 * @param <O> the model's output type
 */
public record Operation<I, O>(int clientId, I input, long callTime, O output, long returnTime) {

  /** Rejects an interval that ends before it starts: such a history cannot come from a clock. */
  public Operation {
    if (returnTime < callTime) {
      throw new IllegalArgumentException(
          "operation returns (" + returnTime + ") before it is called (" + callTime + ")");
    }
  }
}
