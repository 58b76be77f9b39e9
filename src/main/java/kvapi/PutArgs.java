package kvapi;

/**
 * The arguments of {@code KVServer.put}: put {@code value} under {@code key} if the key's version
 * is {@code version} (0 for a key that does not exist yet). The server then increments the version.
 */
public class PutArgs {
  public String key;
  public String value;
  public long version;

  public PutArgs() {}

  public PutArgs(String key, String value, long version) {
    this.key = key;
    this.value = value;
    this.version = version;
  }

  @Override
  public String toString() {
    return "PutArgs{" + key + "=" + value + " v" + version + "}";
  }
}
