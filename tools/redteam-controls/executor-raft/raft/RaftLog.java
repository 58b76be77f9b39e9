package raft;

import java.util.ArrayList;
import java.util.List;

/**
 * The log, with the part a snapshot replaced cut off the front (Lab 3D).
 *
 * <p>Indexes are Raft's log indexes, which keep growing across snapshots. {@code entries.get(0)} is
 * a sentinel standing for the last entry the snapshot includes (index {@link #lastIncludedIndex()},
 * term {@link #lastIncludedTerm()}); before any snapshot it is the dummy entry at index 0, term 0,
 * so that {@code prevLogIndex = 0} needs no special case. Not thread-safe: Raft guards it with its
 * lock.
 */
final class RaftLog {
  private List<LogEntry> entries = new ArrayList<>();
  private int offset; // the index of entries.get(0)

  RaftLog() {
    entries.add(new LogEntry(0, null));
  }

  /** A log that starts after a snapshot ending at {@code index}, {@code term}. */
  RaftLog(int index, int term, List<LogEntry> after) {
    offset = index;
    entries.add(new LogEntry(term, null));
    entries.addAll(after);
  }

  int lastIncludedIndex() {
    return offset;
  }

  int lastIncludedTerm() {
    return entries.get(0).term();
  }

  int lastIndex() {
    return offset + entries.size() - 1;
  }

  int lastTerm() {
    return entries.get(entries.size() - 1).term();
  }

  /** The term of the entry at {@code index}; valid from lastIncludedIndex to lastIndex. */
  int term(int index) {
    return entries.get(index - offset).term();
  }

  LogEntry get(int index) {
    return entries.get(index - offset);
  }

  void append(LogEntry e) {
    entries.add(e);
  }

  /** A copy of the entries from {@code from} to the end, for an AppendEntries RPC. */
  List<LogEntry> from(int from) {
    return new ArrayList<>(entries.subList(from - offset, entries.size()));
  }

  /** The entries after the sentinel, for persisting. */
  List<LogEntry> afterSnapshot() {
    return new ArrayList<>(entries.subList(1, entries.size()));
  }

  /** Removes the entries from {@code index} on (a conflict with the leader's log). */
  void truncateFrom(int index) {
    entries.subList(index - offset, entries.size()).clear();
  }

  /** The first index that holds an entry of {@code term} (for the fast backup's XIndex). */
  int firstIndexOfTerm(int index) {
    int term = term(index);
    while (index > offset + 1 && term(index - 1) == term) {
      index--;
    }
    return index;
  }

  /** The last index holding an entry of {@code term}, or -1 if there is none. */
  int lastIndexOfTerm(int term) {
    for (int i = lastIndex(); i > offset; i--) {
      int t = term(i);
      if (t == term) {
        return i;
      }
      if (t < term) {
        break;
      }
    }
    return -1;
  }

  /**
   * Discards everything up to and including {@code index}, which becomes the new sentinel. A new
   * list is made so the discarded entries can be garbage collected.
   */
  void compactThrough(int index, int term) {
    List<LogEntry> rest = new ArrayList<>();
    rest.add(new LogEntry(term, null));
    if (index < lastIndex() && index >= offset) {
      rest.addAll(entries.subList(index - offset + 1, entries.size()));
    }
    entries = rest;
    offset = index;
  }
}
