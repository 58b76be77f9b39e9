package labgob;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads back, in order, the values a {@link LabEncoder} wrote: what {@code readPersist()} uses.
 *
 * <pre>{@code
 * LabDecoder d = new LabDecoder(data);
 * int term = d.decodeInt();
 * int votedFor = d.decodeInt();
 * List<LogEntry> log = d.decodeList(LogEntry.class);
 * }</pre>
 *
 * Every value decoded is a fresh object. Each method throws a {@link LabGobException} if the next
 * value is not of the type asked for, or if there is no next value. Not thread-safe.
 */
public final class LabDecoder {
  private final Reader reader;

  public LabDecoder(byte[] data) {
    if (data == null) {
      throw new LabGobException("cannot decode null bytes (nothing was persisted yet?)");
    }
    this.reader = new Reader(data);
  }

  /** The next value, whatever its type. */
  public Object decode() {
    return reader.readValue();
  }

  /** The next value, which must be a {@code type} (or null for a non-primitive type). */
  public <T> T decode(Class<T> type) {
    return LabGob.cast(reader.readValue(), type);
  }

  public int decodeInt() {
    return decode(int.class);
  }

  public long decodeLong() {
    return decode(long.class);
  }

  public boolean decodeBoolean() {
    return decode(boolean.class);
  }

  public String decodeString() {
    return decode(String.class);
  }

  public byte[] decodeBytes() {
    return decode(byte[].class);
  }

  /** The next value, which must be a list whose elements are all {@code elementType} or null. */
  public <T> List<T> decodeList(Class<T> elementType) {
    List<?> raw = decode(List.class);
    if (raw == null) {
      return null;
    }
    List<T> out = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      Object e = raw.get(i);
      if (e != null && !elementType.isInstance(e)) {
        throw new LabGobException(
            "element "
                + i
                + " of the decoded list is a "
                + e.getClass().getName()
                + ", not a "
                + elementType.getName());
      }
      out.add(elementType.cast(e));
    }
    return out;
  }

  /** Whether any value is left to decode. */
  public boolean hasMore() {
    return reader.hasMore();
  }
}
