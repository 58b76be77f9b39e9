package kvapi;

/** The reply of {@code KVServer.put}: OK, ErrVersion, ErrNoKey or ErrWrongLeader. */
public class PutReply {
  public Err err;

  @Override
  public String toString() {
    return "PutReply{" + err + "}";
  }
}
