package porcupine;

import java.util.Arrays;

/**
 * The memo of Lowe's search: every (set of linearized operations, model state) pair already
 * reached. Reaching a known pair again means the search below it has already been done (and failed,
 * or we would have stopped), so the search skips it. This is what turns the factorial Wing &amp;
 * Gong search into one bounded by the number of distinct pairs.
 *
 * <p>A pair is filed under one 64-bit hash mixed from the set's hash and {@link Model#hash} of the
 * state, as Go's Porcupine does. Filing by the set alone made a lookup compare the new state with
 * every state ever reached with that set; on a key/value history with many concurrent writes that
 * comparison was nine tenths of the checker's time.
 *
 * <p>The table is laid out in a few primitive arrays instead of objects. A hard search keeps
 * hundreds of thousands of pairs, all alive until it ends; as objects (a node, a set and its words
 * per pair) they made every young garbage collection copy them all again, which cost more than the
 * search. Arrays are copied in one piece, or not at all once they are large. The index is open
 * addressing with linear probing on the 64-bit hash: a lookup of a new pair, the common case, reads
 * one or two cache lines and nothing else; only a pair whose hash matches has its set and state
 * compared.
 */
final class StateCache<S> {

  private final Model<S, ?, ?> model;

  /**
   * The index: slot {@code i} is {@code slots[2i]}, a pair's hash, and {@code slots[2i + 1]}, its
   * entry number plus one (0: an empty slot). Never more than half full.
   */
  private long[] slots = new long[2 << 10];

  // Per entry e: its state, and its set's window at ints 3e (lo), 3e+1 (length), 3e+2 (offset).
  private Object[] states = new Object[1 << 9];
  private int[] windows = new int[3 << 9];

  /** The words of every stored set's window, back to back. */
  private long[] words = new long[1 << 10];

  private int wordsUsed;
  private int size;

  StateCache(Model<S, ?, ?> model) {
    this.model = model;
  }

  /** Records the pair and answers true, or answers false if it was already there. */
  @SuppressWarnings("unchecked")
  boolean addIfNew(Bitset linearized, S state) {
    long hash = linearized.hash64() ^ spread(model.hash(state));
    int mask = (slots.length >>> 1) - 1;
    int slot = (int) (hash ^ (hash >>> 32)) & mask;
    while (slots[2 * slot + 1] != 0) {
      if (slots[2 * slot] == hash) {
        int e = (int) slots[2 * slot + 1] - 1;
        if (linearized.windowEquals(windows[3 * e], windows[3 * e + 1], words, windows[3 * e + 2])
            && model.equal((S) states[e], state)) {
          return false;
        }
      }
      slot = (slot + 1) & mask;
    }
    slots[2 * slot] = hash;
    slots[2 * slot + 1] = add(linearized, state) + 1;
    if (2 * size > slots.length >>> 1) {
      grow();
    }
    return true;
  }

  /** How many pairs are known: a measure of the work the search did. */
  int size() {
    return size;
  }

  /** Stores a pair's state and a copy of its set's window; answers its entry number. */
  private int add(Bitset linearized, S state) {
    if (size == states.length) {
      states = Arrays.copyOf(states, size * 2);
      windows = Arrays.copyOf(windows, 3 * size * 2);
    }
    int length = linearized.windowLength();
    if (wordsUsed + length > words.length) {
      words = Arrays.copyOf(words, Math.max(words.length * 2, wordsUsed + length));
    }
    // A copy: the caller goes on mutating its own set.
    linearized.copyWindowTo(words, wordsUsed);
    int e = size++;
    states[e] = state;
    windows[3 * e] = linearized.windowLo();
    windows[3 * e + 1] = length;
    windows[3 * e + 2] = wordsUsed;
    wordsUsed += length;
    return e;
  }

  /** Doubles the index and refiles every slot: the entries stay where they are. */
  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    int mask = (slots.length >>> 1) - 1;
    for (int i = 0; i < old.length; i += 2) {
      if (old[i + 1] != 0) {
        long hash = old[i];
        int slot = (int) (hash ^ (hash >>> 32)) & mask;
        while (slots[2 * slot + 1] != 0) {
          slot = (slot + 1) & mask;
        }
        slots[2 * slot] = hash;
        slots[2 * slot + 1] = old[i + 1];
      }
    }
  }

  /**
   * Spreads a 32-bit state hash over 64 bits, so that it disturbs every bit of the set's hash it is
   * mixed with (a small integer state would otherwise only flip the low bits).
   */
  private static long spread(int stateHash) {
    long z = stateHash * 0x9E3779B97F4A7C15L;
    return z ^ (z >>> 29);
  }
}
