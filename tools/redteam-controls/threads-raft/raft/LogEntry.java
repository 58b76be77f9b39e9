package raft;

/**
 * One entry of the replicated log: the command a client gave to {@code start}, and the term of the
 * leader that received it. Immutable, so log slices can be shared with RPC arguments safely.
 */
public record LogEntry(int term, Object command) {}
