package kvapi;

/**
 * The errors of the key/value service (Go's {@code rpc.Err} in {@code kvsrv1/rpc}). The names are
 * Go's, so that the handout and the tests' messages read the same.
 */
public enum Err {
  /** The operation happened. */
  OK,
  /** Get of a missing key, or Put with a version other than 0 to a missing key. */
  ErrNoKey,
  /** Put with a version that does not match the key's current version; nothing changed. */
  ErrVersion,
  /**
   * Only a clerk returns it: a Put was resent after an unanswered RPC and the server then said
   * ErrVersion, so the clerk cannot tell whether its first attempt happened.
   */
  ErrMaybe,
  /** The server asked is not the leader (or lost leadership before the operation committed). */
  ErrWrongLeader,
  /** Used by the sharded service of Lab 5; not by Lab 4. */
  ErrWrongGroup
}
