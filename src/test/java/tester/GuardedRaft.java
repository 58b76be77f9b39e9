package tester;

import raftapi.Raft;

/**
 * A student's Raft seen through {@link Guard}: every call must return within the limit, and an
 * exception becomes a test failure that names the call and the server. Tests get peers in this
 * form, so {@code ts.srvs[i].raft().start(cmd)} reads like the Go test and cannot hang the tester.
 */
public final class GuardedRaft implements Raft {
  private final Raft raft;
  private final int me;

  public GuardedRaft(Raft raft, int me) {
    this.raft = raft;
    this.me = me;
  }

  @Override
  public StartResult start(Object command) {
    return Guard.call("Raft.start(" + command + ") on server " + me, () -> raft.start(command));
  }

  @Override
  public State getState() {
    return Guard.call("Raft.getState() on server " + me, raft::getState);
  }

  @Override
  public void snapshot(int index, byte[] snapshot) {
    Guard.run(
        "Raft.snapshot(" + index + ", ...) on server " + me, () -> raft.snapshot(index, snapshot));
  }

  @Override
  public int persistBytes() {
    return Guard.call("Raft.persistBytes() on server " + me, raft::persistBytes);
  }

  @Override
  public void kill() {
    Guard.run("Raft.kill() on server " + me, raft::kill);
  }
}
