package porcupine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import porcupine.EntryList.Entry;

/**
 * The linearizability search for one partition: Wing &amp; Gong's backtracking search with Lowe's
 * (linearized set, state) memo.
 *
 * <p>The search walks the event list from the front. At a call it tries to linearize that operation
 * next: if the model accepts it and the resulting (set, state) pair is new, the operation is lifted
 * out of the list, pushed on the stack, and the walk restarts at the front. Reaching a return means
 * that operation had to be linearized before anything later, and nothing tried before it worked:
 * the search pops the last choice and tries the next call after it. An empty list means everything
 * is linearized (OK); popping an empty stack means every order was tried (ILLEGAL).
 *
 * <p>The search can stop after a given number of steps and resume later ({@link #search}): the
 * checker's few threads take turns over all partitions, as Go's scheduler does with one goroutine
 * per partition, so that a short partition never waits behind a long one.
 *
 * <p>In verbose mode the search also remembers, for each operation, the longest linearizable prefix
 * it reached that contains it. Only stacks at a local maximum (a lift followed by a backtrack or
 * the end) need checking: every other stack is a prefix of the next local maximum.
 */
final class PartitionSearch<S, I, O> {

  private final Model<S, I, O> model;
  private final List<Operation<I, O>> ops;
  private final AtomicBoolean stop;
  private final boolean verbose;

  // The search's position, kept between slices.
  private final EntryList list;
  private final Bitset linearized; // by call rank, so cached copies stay small
  private final StateCache<S> cache;
  private final Entry[] stackCalls;
  private final Object[] stackStates; // the state before the pushed operation
  // minBest[d] = the smallest bestLength among the first d stacked operations: recording a stack
  // of depth d can improve something only if minBest[d] < d.
  private final int[] minBest;
  private int depth;
  private S state;
  private Entry entry;
  private boolean atLocalMaximum;

  /** Null while the search runs; then OK, ILLEGAL, or UNKNOWN if it was stopped. */
  private CheckResult result;

  private final List<int[]> prefixes = new ArrayList<>();

  /** Per operation: the length of the longest prefix recorded that contains it (0: none). */
  private final int[] bestLength;

  /** Per operation: the index in {@link #prefixes} of that prefix (-1: none). */
  private final int[] bestPrefix;

  PartitionSearch(
      Model<S, I, O> model, List<Operation<I, O>> ops, AtomicBoolean stop, boolean verbose) {
    this.model = model;
    this.ops = ops;
    this.stop = stop;
    this.verbose = verbose;
    int n = ops.size();
    this.list = new EntryList(ops);
    this.linearized = new Bitset(n);
    this.cache = new StateCache<>(model);
    this.stackCalls = new Entry[n];
    this.stackStates = new Object[n];
    this.minBest = new int[n + 1];
    this.minBest[0] = Integer.MAX_VALUE; // the minimum of nothing
    this.state = model.init();
    this.entry = list.head.next;
    this.bestLength = new int[n];
    this.bestPrefix = new int[n];
    Arrays.fill(bestPrefix, -1);
  }

  /** The number of operations to place. */
  int size() {
    return ops.size();
  }

  /** Searches to the end: until an answer, or UNKNOWN as soon as {@code stop} is raised. */
  PartitionInfo<I, O> run() {
    while (!search(Integer.MAX_VALUE)) {
      // search returns only when done
    }
    return info();
  }

  /**
   * Takes up to {@code maxSteps} steps (a step tries one call, or undoes one choice) and answers
   * whether the search has finished. A raised {@code stop} flag finishes it with UNKNOWN.
   */
  @SuppressWarnings("unchecked")
  boolean search(int maxSteps) {
    for (int steps = 0; result == null && steps < maxSteps; steps++) {
      if (list.isEmpty()) {
        finish(CheckResult.OK);
      } else if (stop.get()) {
        finish(CheckResult.UNKNOWN);
      } else if (entry.isCall) {
        StepResult<S> step = model.step(state, (I) entry.input, (O) entry.output);
        if (step.ok()) {
          linearized.set(entry.bit);
          if (cache.addIfNew(linearized, step.newState())) {
            stackCalls[depth] = entry;
            stackStates[depth] = state;
            minBest[depth + 1] = Math.min(minBest[depth], bestLength[entry.op]);
            depth++;
            state = step.newState();
            EntryList.lift(entry);
            entry = list.head.next;
            atLocalMaximum = true;
            continue;
          }
          // Been here before with this very state: nothing new below, try the next call.
          linearized.clear(entry.bit);
        }
        entry = entry.next;
      } else {
        // The earliest pending return: its operation cannot be placed after the current prefix,
        // so the last choice was wrong.
        if (verbose && atLocalMaximum) {
          record(stackCalls, depth, minBest);
        }
        atLocalMaximum = false;
        if (depth == 0) {
          finish(CheckResult.ILLEGAL);
          break;
        }
        depth--;
        Entry undone = stackCalls[depth];
        state = (S) stackStates[depth];
        stackStates[depth] = null;
        linearized.clear(undone.bit);
        EntryList.unlift(undone);
        entry = undone.next;
      }
    }
    return result != null;
  }

  private void finish(CheckResult answer) {
    result = answer;
    if (verbose && atLocalMaximum) {
      record(stackCalls, depth, minBest);
    }
  }

  /** The answer and, in verbose mode, the prefixes found; only once {@link #search} is done. */
  PartitionInfo<I, O> info() {
    if (result == null) {
      throw new IllegalStateException("the search has not finished");
    }
    return verbose
        ? buildInfo(result, list)
        : new PartitionInfo<>(ops, result, List.of(), null, -1);
  }

  /** Keeps the current stack if it is the longest prefix yet for any operation in it. */
  private void record(Entry[] stack, int depth, int[] minBest) {
    if (minBest[depth] >= depth) {
      return;
    }
    int[] prefix = new int[depth];
    for (int i = 0; i < depth; i++) {
      prefix[i] = stack[i].op;
    }
    int index = prefixes.size();
    prefixes.add(prefix);
    for (int i = 0; i < depth; i++) {
      int op = prefix[i];
      if (bestLength[op] < depth) {
        bestLength[op] = depth;
        bestPrefix[op] = index;
      }
      minBest[i + 1] = Math.min(minBest[i], bestLength[op]);
    }
  }

  /** Drops prefixes that a longer one superseded for every operation, and finds the failure. */
  private PartitionInfo<I, O> buildInfo(CheckResult result, EntryList list) {
    int[] newIndex = new int[prefixes.size()];
    Arrays.fill(newIndex, -1);
    List<List<Integer>> kept = new ArrayList<>();
    int[] longestFor = new int[ops.size()];
    for (int op = 0; op < ops.size(); op++) {
      int old = bestPrefix[op];
      if (old >= 0 && newIndex[old] < 0) {
        newIndex[old] = kept.size();
        kept.add(Arrays.stream(prefixes.get(old)).boxed().toList());
      }
      longestFor[op] = old < 0 ? -1 : newIndex[old];
    }
    int firstUnlinearizable = -1;
    if (result == CheckResult.ILLEGAL) {
      // Where the longest prefix got stuck: the earliest return of an operation outside it.
      boolean[] inLongest = new boolean[ops.size()];
      int longest = PartitionInfo.indexOfLongest(kept);
      if (longest >= 0) {
        kept.get(longest).forEach(op -> inLongest[op] = true);
      }
      for (Entry e : list.sorted) {
        if (!e.isCall && !inLongest[e.op]) {
          firstUnlinearizable = e.op;
          break;
        }
      }
    }
    return new PartitionInfo<>(ops, result, kept, longestFor, firstUnlinearizable);
  }
}
