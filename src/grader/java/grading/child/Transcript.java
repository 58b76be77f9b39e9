package grading.child;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A test's printed lines, cut for {@code results.json}: the first {@link #HEAD} characters and the
 * last {@link #TAIL} (where the failure, its evidence and its seed are), with a note of what was
 * left out between them.
 */
final class Transcript {
  static final int HEAD = 2000;
  static final int TAIL = 6000;

  private final List<String> head = new ArrayList<>();
  private final Deque<String> tail = new ArrayDeque<>();
  private int headChars;
  private int tailChars;
  private long dropped;

  synchronized void add(String line) {
    if (headChars + line.length() <= HEAD && tail.isEmpty()) {
      head.add(line);
      headChars += line.length() + 1;
      return;
    }
    tail.addLast(line);
    tailChars += line.length() + 1;
    while (tailChars > TAIL && tail.size() > 1) {
      String gone = tail.removeFirst();
      tailChars -= gone.length() + 1;
      dropped += gone.length() + 1;
    }
  }

  synchronized String text() {
    StringBuilder sb = new StringBuilder();
    head.forEach(l -> sb.append(l).append('\n'));
    if (dropped > 0) {
      sb.append("[... ").append(dropped).append(" characters left out ...]\n");
    }
    for (String l : tail) {
      sb.append(l.length() > TAIL ? l.substring(0, TAIL) + " [cut]" : l).append('\n');
    }
    return sb.toString();
  }
}
