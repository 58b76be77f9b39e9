package raftapi;

/**
 * Something a server runs that the tester must stop when it shuts the server down (Go's {@code
 * tester.IService}): your {@code KVServer} in Lab 4. A Raft peer is stopped through {@link
 * Raft#kill()}.
 *
 * <p>{@link #kill()} must return quickly; afterwards the service should stop its threads and answer
 * no more requests.
 */
public interface IService {
  void kill();
}
