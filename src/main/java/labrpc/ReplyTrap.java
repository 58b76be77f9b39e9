package labrpc;

/**
 * What the tester does the instant a handler has returned its reply, before the caller sees it (see
 * {@link Network#setReplyTrap}). A raftlab addition, for tests that crash a server at exactly that
 * moment: a step the server made durable before replying survives the crash; a step it meant to
 * persist later does not, though the caller is told it was done.
 */
@FunctionalInterface
public interface ReplyTrap {
  /**
   * Called on the caller's thread with the name of the method ({@code "Raft.requestVote"}) whose
   * handler has just returned; returns true if the trap sprang (it did what it does, such as
   * crashing the server), false to let this reply pass and wait for the next. A trap that springs
   * is removed; the reply it saw is then delivered even though the server may be gone (it was
   * already on the wire).
   */
  boolean spring(String svcMeth);
}
