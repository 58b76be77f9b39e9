package kvapi;

/**
 * What the tests call on a key/value clerk (Go's {@code kvtest.IKVClerk}). Your {@code kvsrv.Clerk}
 * (Lab 2) and {@code kvraft.Clerk} (Lab 4) implement it, and your Lab 2 lock uses it. Both methods
 * may block for as long as it takes to reach a leader (they retry until they get an answer), and
 * are called by one thread at a time per clerk.
 */
public interface IKVClerk {

  /** The answer to {@link #get}: the value and version, or ErrNoKey with "" and 0. */
  record GetResult(String value, long version, Err err) {}

  /**
   * The current value and version of {@code key}; {@code ("", 0, ErrNoKey)} if it does not exist.
   * Keeps trying (other servers, again and again) until a leader answers.
   */
  GetResult get(String key);

  /**
   * Puts {@code value} under {@code key} if its version is {@code version}. Returns OK, ErrVersion
   * (the version did not match on the first attempt), ErrNoKey (the key does not exist and {@code
   * version} is not 0), or ErrMaybe (the version did not match on a resend, so the Put may or may
   * not have happened). Keeps trying until a leader answers.
   */
  Err put(String key, String value, long version);
}
