package kvtest;

import kvapi.Err;
import kvapi.IKVClerk;
import tester.Clnt;

/**
 * A student's clerk together with its connection to the servers (Go's {@code kvtest.TestClerk}), so
 * a test can cut the clerk off from some servers and heal it again.
 */
public final class TestClerk implements IKVClerk {
  private final IKVClerk ck;
  public final Clnt clnt;

  public TestClerk(IKVClerk ck, Clnt clnt) {
    this.ck = ck;
    this.clnt = clnt;
  }

  @Override
  public GetResult get(String key) {
    return ck.get(key);
  }

  @Override
  public Err put(String key, String value, long version) {
    return ck.put(key, value, version);
  }
}
