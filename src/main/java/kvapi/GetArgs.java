package kvapi;

/** The arguments of {@code KVServer.get}: the key to read. */
public class GetArgs {
  public String key;

  public GetArgs() {}

  public GetArgs(String key) {
    this.key = key;
  }

  @Override
  public String toString() {
    return "GetArgs{" + key + "}";
  }
}
