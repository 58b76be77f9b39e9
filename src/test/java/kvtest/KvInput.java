package kvtest;

/**
 * The input of one key/value operation: a Get of a key, or a conditional Put of a value that
 * applies only if the key is at the given version.
 *
 * @param op GET or PUT
 * @param key the key
 * @param value the value to put; ignored (empty) for a GET
 * @param version the version the Put expects the key to have; ignored (0) for a GET
 */
public record KvInput(Op op, String key, String value, long version) {

  /** The kind of a key/value operation. */
  public enum Op {
    GET,
    PUT
  }

  /** A Get of {@code key}. */
  public static KvInput get(String key) {
    return new KvInput(Op.GET, key, "", 0);
  }

  /** A Put of {@code value} to {@code key}, if the key is at {@code version}. */
  public static KvInput put(String key, String value, long version) {
    return new KvInput(Op.PUT, key, value, version);
  }
}
