package porcupine;

import java.util.List;
import java.util.Objects;

/**
 * A sequential specification that the checker tests a concurrent history against.
 *
 * <p>A model is a deterministic state machine: {@link #init} gives the first state, and {@link
 * #step} says whether an operation with its recorded input and output is legal in a state and, if
 * so, which state follows. States must be values: {@code step} must not modify the state it is
 * given, because the checker keeps old states to backtrack to.
 *
 * <p>Implementations are called from several checker threads at once (one per partition), so they
 * must be stateless or thread-safe; a model built from records and pure functions is both.
 *
 * <p>Only {@link #init} and {@link #step} are required. The defaults treat the whole history as one
 * partition, compare and hash states with {@link Objects#equals} and {@link Objects#hashCode}, and
 * describe things with {@code toString}.
 *
 * @param <S> the state type
 * @param <I> the input type of an operation
 * @param <O> the output type of an operation
 */
public interface Model<S, I, O> {

  /**
   * Splits a history into independent sub-histories that are checked separately (for example one
   * per key of a key/value store). This is the single biggest speed-up available: the search is
   * exponential in the number of overlapping operations, and partitioning divides that number. Only
   * split where operations of different parts can never affect each other.
   */
  default List<List<Operation<I, O>>> partition(List<Operation<I, O>> history) {
    return List.of(history);
  }

  /** The state before any operation. */
  S init();

  /**
   * Whether {@code input} producing {@code output} is legal in {@code state}, and the next state.
   */
  StepResult<S> step(S state, I input, O output);

  /**
   * Whether two states are the same. The checker uses this to recognise a (set of linearized
   * operations, state) pair it has already explored; a too-strict equality only costs time, a
   * too-loose one gives wrong answers.
   */
  default boolean equal(S a, S b) {
    return Objects.equals(a, b);
  }

  /**
   * A hash of a state that agrees with {@link #equal}: equal states must hash alike. The checker
   * files each (set of linearized operations, state) pair under the set's hash and this one, so
   * that it compares a new state only with the few known states of the same hash, not with every
   * state reached with the same set (Go's {@code Model.Hash}). The default suits the default {@link
   * #equal}. A model that overrides {@code equal} should override this too: a hash that tells equal
   * states apart never gives a wrong answer, but it makes the search redo work; a constant is
   * always correct and as slow as having no hash.
   */
  default int hash(S state) {
    return Objects.hashCode(state);
  }

  /** A short human description of an operation, shown in the visualizer. */
  default String describeOperation(I input, O output) {
    return input + " -> " + output;
  }

  /** A short human description of a state, shown in the visualizer. */
  default String describeState(S state) {
    return String.valueOf(state);
  }

  /**
   * A short name for one partition, used as its heading in the visualizer (for example {@code key
   * "k3"}); empty when the model has nothing better than a number. This hook is not in the Go
   * original, whose pages number the partitions only.
   */
  default String describePartition(List<Operation<I, O>> partition) {
    return "";
  }
}
