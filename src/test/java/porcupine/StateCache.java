package porcupine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The memo of Lowe's search: every (set of linearized operations, model state) pair already
 * reached. Reaching a known pair again means the search below it has already been done (and
 * failed, or we would have stopped), so the search skips it. This is what turns the factorial
 * Wing &amp; Gong search into one bounded by the number of distinct pairs.
 *
 * <p>States are compared with {@link Model#equal}, which need not agree with {@code hashCode},
 * so the map is keyed by the set alone and holds the few states seen with each set.
 */
final class StateCache<S> {

    private final Model<S, ?, ?> model;
    private final Map<Bitset, List<S>> seen = new HashMap<>();

    StateCache(Model<S, ?, ?> model) {
        this.model = model;
    }

    /** Records the pair and answers true, or answers false if it was already there. */
    boolean addIfNew(Bitset linearized, S state) {
        List<S> states = seen.get(linearized);
        if (states == null) {
            states = new ArrayList<>(2);
            states.add(state);
            // Store a copy: the caller goes on mutating its own set.
            seen.put(linearized.copy(), states);
            return true;
        }
        for (S known : states) {
            if (model.equal(known, state)) {
                return false;
            }
        }
        states.add(state);
        return true;
    }
}
