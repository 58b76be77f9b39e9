package kvraft.rsm;

/**
 * What the Rsm puts in the Raft log for one {@code submit}: the request, and who submitted it.
 *
 * <p>{@code id} is random, so that an Op of an earlier incarnation of this server, replayed from
 * the log after a restart, can never be mistaken for one submitted now.
 *
 * @param me the server that submitted it
 * @param id a random number naming this submission
 * @param req the request, passed to {@code StateMachine.doOp} on every replica
 */
public record Op(int me, long id, Object req) {}
