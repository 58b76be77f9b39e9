package kvsrv;

import java.util.List;
import kvapi.GetArgs;
import kvapi.GetReply;
import kvapi.PutArgs;
import kvapi.PutReply;
import labrpc.ClientEnd;
import raftapi.IService;
import raftapi.Persister;

/**
 * The key/value server: you fill it in for Lab 2. It keeps, in memory, a map from each key to a
 * (value, version) pair; clerks call its two handlers over labrpc.
 *
 * <ul>
 *   <li>{@code KVServer.get}: the key's value and version with OK, or ErrNoKey if the key does not
 *       exist.
 *   <li>{@code KVServer.put}: installs the value only if the Put's version equals the key's
 *       version, and then increments the version (OK); otherwise ErrVersion, and nothing changes. A
 *       new key is made by a Put with version 0 (it then has version 1); a Put with a version other
 *       than 0 to a missing key gets ErrNoKey.
 * </ul>
 *
 * <p>Keep only the latest value of each key: the memory test puts 100,000 values of 1,000 bytes and
 * allows the server about 200 bytes per Put. The server does not need to remember requests (the
 * versions make Puts at-most-once).
 *
 * <p>Threads: labrpc runs each request on a thread of its own, several at once, so the handlers
 * must be thread-safe; they must not block.
 */
public class KVServer implements IService {

  // Your definitions here (2A).

  private KVServer() {
    // Your code here (2A).
  }

  /**
   * Starts the server and returns the objects the tester serves over RPC: this server. Ignore the
   * arguments; they are for the replicated servers of Lab 4. Must return quickly.
   */
  public static List<Object> startKVServer(ClientEnd[] ends, int gid, int me, Persister persister) {
    KVServer kv = new KVServer();
    return List.of(kv);
  }

  /**
   * RPC handler {@code KVServer.get}: fills in {@code reply} with the value and version of {@code
   * args.key} and OK, or with ErrNoKey if the key does not exist.
   */
  public void get(GetArgs args, GetReply reply) {
    // Your code here (2A).
  }

  /**
   * RPC handler {@code KVServer.put}: updates the value of {@code args.key} if {@code args.version}
   * matches the key's version (OK); otherwise ErrVersion. If the key does not exist, installs the
   * value if {@code args.version} is 0, and otherwise says ErrNoKey.
   */
  public void put(PutArgs args, PutReply reply) {
    // Your code here (2A).
  }

  /** The tester calls kill() at the end of a test. You can ignore it in this lab. */
  @Override
  public void kill() {}
}
