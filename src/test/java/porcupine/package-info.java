/**
 * A linearizability checker for recorded histories: a Java re-implementation of the Porcupine
 * algorithm that the 6.5840 Go testers use.
 *
 * <p>Cheat-sheet:
 *
 * <ul>
 *   <li>Record every client call as an {@link porcupine.Operation}: who, what was asked, what came
 *       back, and when the call started and returned (nanoseconds, any common origin). A log with
 *       an order but no clocks is a list of {@link porcupine.Event}s instead.
 *   <li>Describe the sequential object with a {@link porcupine.Model} ({@code kvtest.KvModel} for
 *       the versioned key/value service of Lab 2 and Lab 4). Give it a {@code partition} and a
 *       {@code hash} of states if it can: they are what makes a check fast.
 *   <li>{@link porcupine.Checker#checkOperations} answers OK, ILLEGAL or UNKNOWN (timed out);
 *       {@link porcupine.Checker#checkOperationsVerbose} also keeps the longest linearizable
 *       prefixes it found, which {@link porcupine.Visualizer} turns into one HTML page.
 *   <li>Lab 2's and Lab 4's tests call {@code kvtest.KvLinearizability} instead: it decides each
 *       key of the versioned service by following the key's versions, without a search, and calls
 *       this checker only for the keys that this leaves open.
 * </ul>
 *
 * <p>A history is linearizable when every operation can be given a single instant inside its own
 * call/return interval such that, taken in the order of those instants, the operations are a legal
 * run of the model. The checker searches for such an order (Wing &amp; Gong's search with Lowe's
 * memoization) in each independent partition of the history; the partitions are searched in
 * parallel, taking turns on one thread per core.
 */
package porcupine;
