package porcupine;

/**
 * What {@link Model#step} answers: may this operation happen in this state, and if so, which state
 * follows.
 *
 * @param ok whether the operation, with the output it reported, is legal in the given state
 * @param newState the state after the operation; meaningless when {@code ok} is false
 * @param <S> the model's state type
 */
public record StepResult<S>(boolean ok, S newState) {

  /** The operation is legal and moves the model to {@code newState}. */
  public static <S> StepResult<S> legal(S newState) {
    return new StepResult<>(true, newState);
  }

  /** The operation cannot have produced its output in this state. */
  @SuppressWarnings("unchecked")
  public static <S> StepResult<S> illegal() {
    return (StepResult<S>) ILLEGAL; // one shared answer: the search asks this millions of times
  }

  private static final StepResult<?> ILLEGAL = new StepResult<>(false, null);
}
