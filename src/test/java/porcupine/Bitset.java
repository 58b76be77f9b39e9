package porcupine;

import java.util.Arrays;

/**
 * A set of operations (numbered in call order), used as the cache key of the search.
 *
 * <p>Hard searches make millions of these, so three tricks keep them cheap:
 *
 * <ul>
 *   <li>The hash is kept up to date on every set and clear (Zobrist hashing: the XOR of a fixed
 *       random-looking number per member), so a lookup does not read the whole set.
 *   <li>Operations are numbered in call order, so every set the search reaches is "everything up to
 *       some point, plus a few of the operations in flight". The set keeps a window [{@code lo},
 *       {@code hi}) of words: below it all words are full, above it all are empty. Only the window
 *       is stored, so a cached copy is a word or two, not one bit per operation of the history.
 *   <li>The window is canonical (word {@code lo} is not full, word {@code hi - 1} is not empty), so
 *       two sets are equal exactly when their windows are: a comparison reads a word or two.
 * </ul>
 */
final class Bitset {

  /** The words of the window; {@code words[0]} is logical word {@code base}. */
  private final long[] words;

  private final int base;
  private int lo;
  private int hi;
  private long hash;

  /** An empty set of operations numbered 0 to {@code size - 1}, for the search to mutate. */
  Bitset(int size) {
    this(new long[(size + 63) >>> 6], 0, 0, 0, 0);
  }

  private Bitset(long[] words, int base, int lo, int hi, long hash) {
    this.words = words;
    this.base = base;
    this.lo = lo;
    this.hi = hi;
    this.hash = hash;
  }

  boolean get(int i) {
    int w = i >>> 6;
    long word = w < lo ? -1L : w >= hi ? 0L : words[w - base];
    return (word & (1L << i)) != 0;
  }

  /** Adds {@code i}; only on a set made by the constructor, never on a copy. */
  void set(int i) {
    if (get(i)) {
      return;
    }
    int w = i >>> 6;
    words[w] |= 1L << i;
    hash ^= memberHash(i);
    hi = Math.max(hi, w + 1);
    while (lo < hi && words[lo] == -1L) {
      lo++;
    }
  }

  /** Removes {@code i}; only on a set made by the constructor, never on a copy. */
  void clear(int i) {
    if (!get(i)) {
      return;
    }
    int w = i >>> 6;
    words[w] &= ~(1L << i);
    hash ^= memberHash(i);
    lo = Math.min(lo, w);
    while (hi > lo && words[hi - 1] == 0) {
      hi--;
    }
  }

  /**
   * An independent copy of just the window: the cache keeps copies because the search mutates its
   * own set.
   */
  Bitset copy() {
    return new Bitset(Arrays.copyOfRange(words, lo - base, hi - base), lo, lo, hi, hash);
  }

  /** The first logical word of the window: every word below it is full. */
  int windowLo() {
    return lo;
  }

  /**
   * The number of words in the window: every word from {@code windowLo() + windowLength()} on is
   * empty.
   */
  int windowLength() {
    return hi - lo;
  }

  /** Copies the window's words into {@code dest} at {@code offset}, for the cache's word store. */
  void copyWindowTo(long[] dest, int offset) {
    System.arraycopy(words, lo - base, dest, offset, hi - lo);
  }

  /** Whether this set is the one whose window ({@code lo}, words) is stored at {@code offset}. */
  boolean windowEquals(int otherLo, int otherLength, long[] store, int offset) {
    return otherLo == lo
        && otherLength == hi - lo
        && Arrays.equals(words, lo - base, hi - base, store, offset, offset + otherLength);
  }

  /** The full 64-bit hash, which the cache mixes with the state's. */
  long hash64() {
    return hash;
  }

  @Override
  public int hashCode() {
    return (int) (hash ^ (hash >>> 32));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Bitset b
        && b.hash == hash
        && b.lo == lo
        && b.hi == hi
        && Arrays.equals(words, lo - base, hi - base, b.words, lo - b.base, hi - b.base);
  }

  /** SplitMix64's finalizer: spreads consecutive indices over all 64 bits. */
  private static long memberHash(int i) {
    long z = (i + 1) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
