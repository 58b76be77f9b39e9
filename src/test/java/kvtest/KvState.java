package kvtest;

/**
 * The state of one key in {@link KvModel}: its value and version. A key that was never put is
 * {@code ("", 0)}.
 *
 * @param value the current value
 * @param version how many Puts have been applied to the key
 */
public record KvState(String value, long version) {

  /** The state of a key before any Put. */
  public static final KvState INITIAL = new KvState("", 0);
}
