package porcupine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A partition's history as a time-ordered, doubly linked list of call and return events.
 *
 * <p>The search walks this list from the front. Linearizing an operation "lifts" its call and
 * return out of the list, so the list always holds exactly the operations still to place;
 * backtracking "unlifts" them back. Because lifts are undone in reverse order (the search is a
 * stack), the removed nodes still point at their old neighbours and can be relinked in O(1),
 * Knuth's "dancing links".
 *
 * <p>Events are sorted by time with calls before returns on ties: an operation that returns at the
 * very instant another is called may still be ordered after it.
 */
final class EntryList {

  /** One call or return event. */
  static final class Entry {
    /** The operation's index in the partition's history. */
    final int op;

    final boolean isCall;
    final long time;

    /**
     * For a call, its place among the calls (0 = called first): the operation's bit in the search's
     * set of linearized operations.
     */
    int bit;

    /**
     * For a call, the operation's input and output, copied here so that the search's inner loop
     * reads them from the node it already holds.
     */
    Object input;

    Object output;

    /** For a call, its operation's return event; null for a return. */
    Entry match;

    Entry prev;
    Entry next;

    Entry(int op, boolean isCall, long time) {
      this.op = op;
      this.isCall = isCall;
      this.time = time;
    }
  }

  /** A sentinel before the first event, so lifting the first event needs no special case. */
  final Entry head = new Entry(-1, false, Long.MIN_VALUE);

  /** All events in time order, also after lifts (the visualizer and failure report use it). */
  final List<Entry> sorted;

  /** Per operation, its call event. */
  final Entry[] calls;

  EntryList(List<? extends Operation<?, ?>> ops) {
    sorted = new ArrayList<>(2 * ops.size());
    calls = new Entry[ops.size()];
    for (int i = 0; i < ops.size(); i++) {
      Operation<?, ?> op = ops.get(i);
      Entry call = new Entry(i, true, op.callTime());
      Entry ret = new Entry(i, false, op.returnTime());
      call.input = op.input();
      call.output = op.output();
      call.match = ret;
      calls[i] = call;
      sorted.add(call);
      sorted.add(ret);
    }
    // List.sort is stable, so equal events keep the order of the history.
    sorted.sort(Comparator.comparingLong((Entry e) -> e.time).thenComparing(e -> !e.isCall));
    int rank = 0;
    Entry prev = head;
    for (Entry e : sorted) {
      prev.next = e;
      e.prev = prev;
      prev = e;
      if (e.isCall) {
        e.bit = rank++;
      }
    }
  }

  boolean isEmpty() {
    return head.next == null;
  }

  /** Takes a call and its return out of the list: the operation is now linearized. */
  static void lift(Entry call) {
    unlink(call);
    unlink(call.match);
  }

  /** Undoes the matching {@link #lift}: relinks in the reverse order of the unlinking. */
  static void unlift(Entry call) {
    relink(call.match);
    relink(call);
  }

  private static void unlink(Entry e) {
    e.prev.next = e.next;
    if (e.next != null) {
      e.next.prev = e.prev;
    }
  }

  private static void relink(Entry e) {
    e.prev.next = e;
    if (e.next != null) {
      e.next.prev = e;
    }
  }
}
