package porcupine;

import java.util.List;
import java.util.stream.LongStream;
import porcupine.EntryList.Entry;

/**
 * The horizontal axis of one partition's chart: events are placed by their order, one slot each,
 * not by their real time.
 *
 * <p>Real time would squeeze a burst of overlapping calls into a pixel next to a long idle gap,
 * while what matters for linearizability is only the order of calls and returns. The order is the
 * checker's own ({@link EntryList}, calls before returns on ties), so two bars overlap on the page
 * exactly when the checker treats them as concurrent. Real times are in the tooltips.
 */
final class TimeAxis {

  static final int PADDING = 10;
  private static final int MIN_SLOT = 14;

  private final int slot;
  private final long[] times;
  private final int[] callSlot;
  private final int[] returnSlot;

  TimeAxis(List<? extends Operation<?, ?>> ops, int targetWidth) {
    this(ops, new long[0], targetWidth);
  }

  /**
   * An axis for {@code ops} that also reaches {@code moments} (the annotations' starts and ends): a
   * moment before the first operation or after the last gets a slot of its own, so that a checker
   * that ran after the history, or a crash before it, is drawn too (as Go's page does).
   */
  TimeAxis(List<? extends Operation<?, ?>> ops, long[] moments, int targetWidth) {
    List<Entry> sorted = new EntryList(ops).sorted;
    long first = sorted.isEmpty() ? Long.MAX_VALUE : sorted.get(0).time;
    long last = sorted.isEmpty() ? Long.MIN_VALUE : sorted.get(sorted.size() - 1).time;
    long[] before = LongStream.of(moments).filter(t -> t < first).distinct().sorted().toArray();
    // (With no operation, every moment is "before" already.)
    long[] after =
        sorted.isEmpty()
            ? new long[0]
            : LongStream.of(moments).filter(t -> t > last).distinct().sorted().toArray();
    int n = before.length + sorted.size() + after.length;
    slot = Math.max(MIN_SLOT, (targetWidth - 2 * PADDING) / Math.max(1, n));
    times = new long[n];
    callSlot = new int[ops.size()];
    returnSlot = new int[ops.size()];
    System.arraycopy(before, 0, times, 0, before.length);
    for (int k = 0; k < sorted.size(); k++) {
      Entry e = sorted.get(k);
      int at = before.length + k;
      times[at] = e.time;
      if (e.isCall) {
        callSlot[e.op] = at;
      } else {
        returnSlot[e.op] = at;
      }
    }
    System.arraycopy(after, 0, times, before.length + sorted.size(), after.length);
  }

  /** The total width of the chart in pixels. */
  int width() {
    return 2 * PADDING + Math.max(1, times.length) * slot;
  }

  /** The x of an operation's call (the middle of its slot). */
  int callX(int op) {
    return center(callSlot[op]);
  }

  /** The x of an operation's return. */
  int returnX(int op) {
    return center(returnSlot[op]);
  }

  /** Whether some event of the partition happens in [start, end]. */
  boolean overlaps(long start, long end) {
    return times.length > 0 && start <= times[times.length - 1] && end >= times[0];
  }

  /** The x just before the first event at or after {@code t}. */
  int xBefore(long t) {
    return PADDING + countBelow(t) * slot;
  }

  /** The x just after the last event at or before {@code t}. */
  int xAfter(long t) {
    return PADDING + (t == Long.MAX_VALUE ? times.length : countBelow(t + 1)) * slot;
  }

  /** How many events happen strictly before {@code t} (binary search: times are sorted). */
  private int countBelow(long t) {
    int lo = 0;
    int hi = times.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (times[mid] < t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private int center(int k) {
    return PADDING + k * slot + slot / 2;
  }
}
