package labgob;

/**
 * Writes several values, one after another, into one byte array: what {@code persist()} uses.
 *
 * <pre>{@code
 * LabEncoder e = new LabEncoder();
 * e.encode(currentTerm);
 * e.encode(votedFor);
 * e.encode(log);
 * persister.save(e.bytes(), snapshot);
 * }</pre>
 *
 * Read them back with a {@link LabDecoder}, in the same order. Not thread-safe: use one encoder per
 * {@code persist()} call.
 */
public final class LabEncoder {
  private final Writer writer = new Writer();

  /** Appends one value; see {@link LabGob} for what can be encoded. */
  public LabEncoder encode(Object value) {
    try {
      writer.writeValue(value);
    } catch (LabGobException e) {
      throw LabGob.rooted(e, value);
    }
    return this;
  }

  /** The bytes of everything encoded so far. */
  public byte[] bytes() {
    return writer.toByteArray();
  }
}
