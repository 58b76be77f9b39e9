package kvtest;

/**
 * The output of one key/value operation, as the clerk returned it.
 *
 * @param value for a Get, the value read ("" for a missing key); unused for a Put
 * @param version for a Get, the version read; unused for a Put
 * @param err "OK", "ErrNoKey", "ErrVersion" or "ErrMaybe" (a resent Put that may or may not have
 *     been applied)
 */
public record KvOutput(String value, long version, String err) {

  /** What a Get returned. */
  public static KvOutput got(String value, long version, String err) {
    return new KvOutput(value, version, err);
  }

  /** What a Put returned. */
  public static KvOutput put(String err) {
    return new KvOutput("", 0, err);
  }
}
