package porcupine;

import java.util.Arrays;

/**
 * The memo of Lowe's search: every (set of linearized operations, model state) pair already
 * reached. Reaching a known pair again means the search below it has already been done (and
 * failed, or we would have stopped), so the search skips it. This is what turns the factorial
 * Wing &amp; Gong search into one bounded by the number of distinct pairs.
 *
 * <p>A pair is filed under one 64-bit hash mixed from the set's hash and {@link Model#hash} of the
 * state, as Go's Porcupine does. Filing by the set alone made a lookup compare the new state with
 * every state ever reached with that set; on a key/value history with many concurrent writes that
 * comparison was nine tenths of the checker's time.
 *
 * <p>The table is a chained hash table laid out in a few primitive arrays, entry {@code e} being
 * column {@code e} of each, and the sets' words are stored one after another in one array. A hard
 * search keeps hundreds of thousands of pairs, all alive until it ends; as objects (a node, a set
 * and its words per pair) they made every young garbage collection copy them all again, which
 * cost more than the search. Arrays are copied in one piece, or not at all once they are large.
 */
final class StateCache<S> {

  private static final int NONE = -1;

  private final Model<S, ?, ?> model;
  /** Per bucket, its first entry, or NONE. */
  private int[] buckets = filled(new int[1 << 10]);
  // Per entry: its full hash, the next entry of its bucket, its state, and its set's window.
  private long[] hashes = new long[1 << 9];
  private int[] nextInBucket = new int[1 << 9];
  private Object[] states = new Object[1 << 9];
  private int[] windowLo = new int[1 << 9];
  private int[] windowLength = new int[1 << 9];
  private int[] windowOffset = new int[1 << 9];
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
    int bucket = bucketOf(hash);
    for (int e = buckets[bucket]; e != NONE; e = nextInBucket[e]) {
      if (hashes[e] == hash
          && linearized.windowEquals(windowLo[e], windowLength[e], words, windowOffset[e])
          && model.equal((S) states[e], state)) {
        return false;
      }
    }
    add(hash, bucket, linearized, state);
    return true;
  }

  /** How many pairs are known: a measure of the work the search did. */
  int size() {
    return size;
  }

  private void add(long hash, int bucket, Bitset linearized, S state) {
    if (size == hashes.length) {
      int capacity = size * 2;
      hashes = Arrays.copyOf(hashes, capacity);
      nextInBucket = Arrays.copyOf(nextInBucket, capacity);
      states = Arrays.copyOf(states, capacity);
      windowLo = Arrays.copyOf(windowLo, capacity);
      windowLength = Arrays.copyOf(windowLength, capacity);
      windowOffset = Arrays.copyOf(windowOffset, capacity);
    }
    int length = linearized.windowLength();
    if (wordsUsed + length > words.length) {
      words = Arrays.copyOf(words, Math.max(words.length * 2, wordsUsed + length));
    }
    // Store a copy of the window: the caller goes on mutating its own set.
    linearized.copyWindowTo(words, wordsUsed);
    int e = size++;
    hashes[e] = hash;
    states[e] = state;
    windowLo[e] = linearized.windowLo();
    windowLength[e] = length;
    windowOffset[e] = wordsUsed;
    wordsUsed += length;
    nextInBucket[e] = buckets[bucket];
    buckets[bucket] = e;
    if (size > buckets.length - (buckets.length >>> 2)) {
      rehash();
    }
  }

  /** Doubles the buckets and refiles every entry: entries stay where they are. */
  private void rehash() {
    buckets = filled(new int[buckets.length * 2]);
    for (int e = 0; e < size; e++) {
      int bucket = bucketOf(hashes[e]);
      nextInBucket[e] = buckets[bucket];
      buckets[bucket] = e;
    }
  }

  private int bucketOf(long hash) {
    return (int) (hash ^ (hash >>> 32)) & (buckets.length - 1);
  }

  private static int[] filled(int[] buckets) {
    Arrays.fill(buckets, NONE);
    return buckets;
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
