package shardkv.shardcfg;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON form of a {@link ShardConfig}, written byte for byte as Go's {@code encoding/json}
 * writes a {@code ShardConfig} (map keys sorted as strings, {@code <>&} escaped), so a
 * configuration printed by either language reads the same. Only this one shape is read.
 */
final class ConfigJson {
  private ConfigJson() {}

  static String write(ShardConfig c) {
    StringBuilder b = new StringBuilder();
    b.append("{\"Num\":").append(c.num).append(",\"Shards\":[");
    for (int i = 0; i < c.shards.length; i++) {
      b.append(i == 0 ? "" : ",").append(c.shards[i]);
    }
    b.append("],\"Groups\":");
    if (c.groups == null) {
      b.append("null}");
      return b.toString();
    }
    // Go sorts map keys by their text: "10" comes before "2"
    TreeMap<String, List<String>> byText = new TreeMap<>();
    for (Map.Entry<Integer, List<String>> e : c.groups.entrySet()) {
      byText.put(Integer.toString(e.getKey()), e.getValue());
    }
    b.append('{');
    boolean first = true;
    for (Map.Entry<String, List<String>> e : byText.entrySet()) {
      b.append(first ? "" : ",");
      first = false;
      quote(b, e.getKey());
      b.append(':');
      if (e.getValue() == null) {
        b.append("null");
        continue;
      }
      b.append('[');
      for (int i = 0; i < e.getValue().size(); i++) {
        b.append(i == 0 ? "" : ",");
        quote(b, e.getValue().get(i));
      }
      b.append(']');
    }
    return b.append("}}").toString();
  }

  private static void quote(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (ch < 0x20 || ch == '<' || ch == '>' || ch == '&' || ch == 0x2028 || ch == 0x2029) {
            b.append(String.format("\\u%04x", (int) ch));
          } else {
            b.append(ch);
          }
        }
      }
    }
    b.append('"');
  }

  static ShardConfig read(String s) {
    if (s == null) {
      throw new IllegalArgumentException("ShardConfig.fromString: null instead of a JSON config");
    }
    Reader r = new Reader(s);
    ShardConfig c = new ShardConfig();
    r.expect('{');
    if (!r.peek('}')) {
      do {
        String field = r.string();
        r.expect(':');
        switch (field) {
          case "Num" -> c.num = (int) r.number();
          case "Shards" -> {
            r.expect('[');
            int i = 0;
            if (!r.peek(']')) {
              do {
                if (i >= c.shards.length) {
                  throw r.error("more than " + c.shards.length + " shards");
                }
                c.shards[i++] = (int) r.number();
              } while (r.next(','));
            }
            r.expect(']');
          }
          case "Groups" -> {
            c.groups = new TreeMap<>();
            if (r.nullLiteral()) {
              break;
            }
            r.expect('{');
            if (!r.peek('}')) {
              do {
                String key = r.string();
                int gid;
                try {
                  gid = Integer.parseInt(key);
                } catch (NumberFormatException e) {
                  throw r.error("group id \"" + key + "\" is not a number");
                }
                r.expect(':');
                List<String> servers = new ArrayList<>();
                if (!r.nullLiteral()) {
                  r.expect('[');
                  if (!r.peek(']')) {
                    do {
                      servers.add(r.string());
                    } while (r.next(','));
                  }
                  r.expect(']');
                }
                c.groups.put(gid, servers);
              } while (r.next(','));
            }
            r.expect('}');
          }
          default -> throw r.error("unknown field \"" + field + "\"");
        }
      } while (r.next(','));
    }
    r.expect('}');
    r.end();
    return c;
  }

  /** A cursor over the text, skipping white space. */
  private static final class Reader {
    private final String s;
    private int pos;

    Reader(String s) {
      this.s = s;
    }

    IllegalArgumentException error(String what) {
      return new IllegalArgumentException(
          "ShardConfig.fromString: " + what + " at offset " + pos + " of " + s);
    }

    private void skip() {
      while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
        pos++;
      }
    }

    boolean peek(char ch) {
      skip();
      return pos < s.length() && s.charAt(pos) == ch;
    }

    boolean next(char ch) {
      if (peek(ch)) {
        pos++;
        return true;
      }
      return false;
    }

    void expect(char ch) {
      if (!next(ch)) {
        throw error("expected '" + ch + "'");
      }
    }

    boolean nullLiteral() {
      skip();
      if (s.startsWith("null", pos)) {
        pos += 4;
        return true;
      }
      return false;
    }

    long number() {
      skip();
      int start = pos;
      if (pos < s.length() && s.charAt(pos) == '-') {
        pos++;
      }
      while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
        pos++;
      }
      try {
        return Long.parseLong(s.substring(start, pos));
      } catch (NumberFormatException e) {
        pos = start;
        throw error("expected a number");
      }
    }

    String string() {
      expect('"');
      StringBuilder b = new StringBuilder();
      while (true) {
        if (pos >= s.length()) {
          throw error("unterminated string");
        }
        char ch = s.charAt(pos++);
        if (ch == '"') {
          return b.toString();
        }
        if (ch != '\\') {
          b.append(ch);
          continue;
        }
        if (pos >= s.length()) {
          throw error("unterminated string");
        }
        char esc = s.charAt(pos++);
        switch (esc) {
          case '"', '\\', '/' -> b.append(esc);
          case 'n' -> b.append('\n');
          case 'r' -> b.append('\r');
          case 't' -> b.append('\t');
          case 'b' -> b.append('\b');
          case 'f' -> b.append('\f');
          case 'u' -> {
            if (pos + 4 > s.length()) {
              throw error("short \\u escape");
            }
            b.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
            pos += 4;
          }
          default -> throw error("bad escape \\" + esc);
        }
      }
    }

    void end() {
      skip();
      if (pos != s.length()) {
        throw error("text after the config");
      }
    }
  }
}
