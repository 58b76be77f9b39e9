package porcupine;

import java.util.List;
import java.util.OptionalInt;

/**
 * What the verbose check found in one partition: its verdict, and the linearizable prefixes that
 * explain it.
 *
 * <p>Operations are named by their index in {@link #history()}. A partial linearization is an order
 * of some operations that the model accepts and that respects real time; the search keeps, for
 * every operation, the longest one it reached that contains it. For an ILLEGAL partition the
 * longest of all shows how far the history makes sense, and {@link #firstUnlinearizableOperation()}
 * is where it stops making sense.
 *
 * @param <I> the model's input type
 * @param <O> the model's output type
 */
public final class PartitionInfo<I, O> {

  private final List<Operation<I, O>> history;
  private final CheckResult result;
  private final List<List<Integer>> partialLinearizations;
  private final int[] longestFor;
  private final int firstUnlinearizable;

  PartitionInfo(
      List<Operation<I, O>> history,
      CheckResult result,
      List<List<Integer>> partialLinearizations,
      int[] longestFor,
      int firstUnlinearizable) {
    this.history = List.copyOf(history);
    this.result = result;
    this.partialLinearizations = List.copyOf(partialLinearizations);
    this.longestFor = longestFor;
    this.firstUnlinearizable = firstUnlinearizable;
  }

  /** The operations of this partition, in the order the model's partition returned them. */
  public List<Operation<I, O>> history() {
    return history;
  }

  /** OK, ILLEGAL, or UNKNOWN if the search was stopped (timeout, or ILLEGAL elsewhere). */
  public CheckResult result() {
    return result;
  }

  /** The distinct partial linearizations kept, each a list of indices into {@link #history()}. */
  public List<List<Integer>> partialLinearizations() {
    return partialLinearizations;
  }

  /** The longest partial linearization found that contains {@code op}; empty if none does. */
  public List<Integer> longestLinearizationContaining(int op) {
    if (longestFor == null || longestFor[op] < 0) {
      return List.of();
    }
    return partialLinearizations.get(longestFor[op]);
  }

  /** The index in {@link #partialLinearizations()} of the one for {@code op}, or -1. */
  int longestIndexFor(int op) {
    return longestFor == null ? -1 : longestFor[op];
  }

  /** The longest partial linearization found (the whole order when the result is OK). */
  public List<Integer> longestLinearization() {
    int i = indexOfLongest(partialLinearizations);
    return i < 0 ? List.of() : partialLinearizations.get(i);
  }

  /**
   * For an ILLEGAL partition, the operation at which the longest linearization got stuck: the
   * earliest-returning operation outside it, which had to come next and could not.
   */
  public OptionalInt firstUnlinearizableOperation() {
    return firstUnlinearizable < 0 ? OptionalInt.empty() : OptionalInt.of(firstUnlinearizable);
  }

  /** The index of the first longest list, or -1 if there is none; shared with the search. */
  static int indexOfLongest(List<List<Integer>> lists) {
    int best = -1;
    for (int i = 0; i < lists.size(); i++) {
      if (best < 0 || lists.get(i).size() > lists.get(best).size()) {
        best = i;
      }
    }
    return best;
  }
}
