package kvapi;

/**
 * The reply of {@code KVServer.get}: the key's value and version with OK, ErrNoKey if the key does
 * not exist, or ErrWrongLeader.
 */
public class GetReply {
  public String value;
  public long version;
  public Err err;

  @Override
  public String toString() {
    return "GetReply{" + value + " v" + version + " " + err + "}";
  }
}
