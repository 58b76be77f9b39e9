package tester;

import java.util.List;
import labrpc.ClientEnd;
import raftapi.Persister;

/**
 * Starts server {@code srv} of group {@code gid} (Go's {@code tester.FstartServer}): builds its
 * objects on the given ends and persister and returns them. Each returned object is registered as a
 * labrpc service under its class name, and is killed when the server shuts down (if it is an {@link
 * raftapi.IService} or a {@code raftapi.Raft}).
 */
@FunctionalInterface
public interface FStartServer {
  List<Object> start(ClientEnd[] ends, int gid, int srv, Persister persister);
}
