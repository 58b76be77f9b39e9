package kvtest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A set of instants, kept as sorted, disjoint closed intervals [lo, hi] of nanoseconds: the
 * instants at which {@link VersionOrderCheck} may still place one write. {@link #NEG_INF} stands
 * for "before every operation", the instant of the key's creation.
 *
 * <p>Immutable. Built by {@link Builder}, which merges overlapping intervals, so a set never holds
 * more intervals than there are distinct operation times: the check stays polynomial whatever the
 * history.
 */
final class TimeSet {
  static final long NEG_INF = Long.MIN_VALUE;
  static final long POS_INF = Long.MAX_VALUE;

  /** The one instant before every operation: where version 0 begins. */
  static final TimeSet CREATION = new Builder().add(NEG_INF, NEG_INF).build();

  private final long[] lo;
  private final long[] hi;

  private TimeSet(long[] lo, long[] hi) {
    this.lo = lo;
    this.hi = hi;
  }

  boolean isEmpty() {
    return lo.length == 0;
  }

  int size() {
    return lo.length;
  }

  long lo(int i) {
    return lo[i];
  }

  long hi(int i) {
    return hi[i];
  }

  /** The latest instant of the set; the set must not be empty. */
  long max() {
    return hi[hi.length - 1];
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("{");
    for (int i = 0; i < lo.length; i++) {
      s.append(i == 0 ? "" : ", ").append('[').append(lo[i]).append(", ").append(hi[i]).append(']');
    }
    return s.append('}').toString();
  }

  /** Collects intervals in any order; empty ones (lo > hi) are dropped. */
  static final class Builder {
    private final List<long[]> intervals = new ArrayList<>();

    Builder add(long lo, long hi) {
      if (lo <= hi) {
        intervals.add(new long[] {lo, hi});
      }
      return this;
    }

    TimeSet build() {
      intervals.sort(Comparator.comparingLong(iv -> iv[0]));
      List<long[]> merged = new ArrayList<>();
      for (long[] iv : intervals) {
        long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
        if (last != null && iv[0] <= last[1]) {
          last[1] = Math.max(last[1], iv[1]);
        } else {
          merged.add(new long[] {iv[0], iv[1]});
        }
      }
      long[] lo = new long[merged.size()];
      long[] hi = new long[merged.size()];
      for (int i = 0; i < merged.size(); i++) {
        lo[i] = merged.get(i)[0];
        hi[i] = merged.get(i)[1];
      }
      return new TimeSet(lo, hi);
    }
  }
}
