package tester;

/**
 * Something a test server runs that must be stopped when the server is shut down (Go's
 * {@code tester.IService}). Your Raft is stopped through {@code raftapi.Raft.kill()} instead.
 */
public interface IService {
  void kill();
}
