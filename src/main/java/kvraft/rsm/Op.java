package kvraft.rsm;

/**
 * What your Rsm puts in the Raft log for one {@code submit} (Go's {@code rsm.Op}). Your definition:
 * the handout suggests the request itself, the id of the server that submitted it, and a unique id
 * for the submission, so that the submitter can recognise its own Op when it comes out of the apply
 * channel.
 *
 * <p>An Op travels through labgob (Raft persists it and sends it to the other peers): make it a
 * record, or a class with a no-argument constructor, whose fields labgob can send.
 */
public record Op(Object req) {
  // Your definitions here (4A): add the components you need.
}
