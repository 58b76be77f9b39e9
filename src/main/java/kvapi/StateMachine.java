package kvapi;

/**
 * A service replicated by {@code kvraft.rsm.Rsm} (Go's {@code rsm.StateMachine}): your {@code
 * KVServer} in Lab 4B, the tests' counter in Lab 4A.
 *
 * <p>The Rsm calls these methods from the one thread that reads the apply channel, in log order, on
 * every replica: {@link #doOp} must be deterministic, so that all replicas reach the same state.
 */
public interface StateMachine {

  /**
   * Executes one committed request (the {@code req} given to {@code submit}); returns its result.
   */
  Object doOp(Object req);

  /** The whole state, encoded (with {@code labgob.LabEncoder}), for a snapshot (Lab 4C). */
  byte[] snapshot();

  /** Replaces the whole state with one made by {@link #snapshot} (Lab 4C). */
  void restore(byte[] data);
}
