package kvsrv;

import java.util.List;
import kvapi.IKVClerk;
import kvtest.KvTest;
import kvtest.TestClerk;
import labrpc.ClientEnd;
import raftapi.Persister;
import tester.Clnt;
import tester.Guard;
import tester.ServerGrp;

/**
 * The Lab 2 tester, the Java port of {@code kvsrv1/test.go} (Go's {@code TestKV}): one key/value
 * server (group 0, server 0, named {@code server-0-0}) on a reliable or unreliable network, and
 * clerks that each get a connection of their own ({@link Clnt}) and the server's name. The checks
 * are {@link KvTest}'s, shared with Lab 4.
 */
public class KvsrvTester extends KvTest {

  /** Go's {@code MakeTestKV}: starts the server; the test calls {@link #begin} itself. */
  public static KvsrvTester makeTestKV(boolean reliable) {
    return new KvsrvTester(reliable);
  }

  private KvsrvTester(boolean reliable) {
    super(false);
    init(1, reliable, KvsrvTester::startKVServer);
  }

  private static List<Object> startKVServer(
      ClientEnd[] ends, int gid, int me, Persister persister) {
    return Guard.call(
        "KVServer.startKVServer(server " + me + ")",
        () -> KVServer.startKVServer(ends, gid, me, persister));
  }

  /** A new clerk with a connection of its own, to the one server (Go's {@code MakeClerk}). */
  @Override
  public IKVClerk makeClerk() {
    Clnt clnt = makeClient();
    String server = ServerGrp.serverName(GRP0, 0);
    return new TestClerk(Guard.call("Clerk.make", () -> Clerk.make(clnt, server)), clnt);
  }
}
