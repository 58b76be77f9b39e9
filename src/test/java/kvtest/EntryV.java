package kvtest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value the concurrent tests put (Go's {@code kvtest.EntryV}): which client wrote it, at which
 * version. Stored as Go's JSON, {@code {"Id":3,"V":17}}, so values look the same as in Go.
 */
record EntryV(int id, long v) {
  private static final Pattern JSON = Pattern.compile("\\{\"Id\":(-?\\d+),\"V\":(\\d+)}");

  String toJson() {
    return "{\"Id\":" + id + ",\"V\":" + v + "}";
  }

  /** The entry a JSON value holds, or null if it is not one. */
  static EntryV fromJson(String s) {
    Matcher m = JSON.matcher(s);
    return m.matches()
        ? new EntryV(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)))
        : null;
  }
}
