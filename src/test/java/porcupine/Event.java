package porcupine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One call or return in a history recorded without clocks: only the order of the events counts.
 * This is Go's {@code porcupine.Event}, for testers that log "client 3 calls ..." and "client 3
 * returns ..." lines rather than timed operations.
 *
 * <pre>{@code
 * List<Event<Input, Integer>> history = List.of(
 *     Event.call(0, 0, write(100)), Event.call(1, 1, read()),
 *     Event.returned(1, 1, 100), Event.returned(0, 0, 0));
 * CheckResult r = Checker.checkEvents(model, history, Duration.ofSeconds(1));
 * }</pre>
 *
 * @param clientId who made the call
 * @param isCall whether this is the call (then {@code input} is set) or the return ({@code output})
 * @param input what was asked; null for a return
 * @param output what came back; null for a call
 * @param id the same for a call and its return, and different for every call of the history
 * @param <I> the model's input type
 * @param <O> the model's output type
 */
public record Event<I, O>(int clientId, boolean isCall, I input, O output, int id) {

  /** The call of operation {@code id}. */
  public static <I, O> Event<I, O> call(int clientId, int id, I input) {
    return new Event<>(clientId, true, input, null, id);
  }

  /** The return of operation {@code id}. */
  public static <I, O> Event<I, O> returned(int clientId, int id, O output) {
    return new Event<>(clientId, false, null, output, id);
  }

  /**
   * The operations of an event history, each timed by the positions of its two events, as Go does:
   * the checker then sees exactly the order of the events, and nothing more.
   */
  static <I, O> List<Operation<I, O>> toOperations(List<Event<I, O>> events) {
    Map<Integer, Integer> callAt = new HashMap<>(); // id -> position of its call
    List<Operation<I, O>> ops = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      Event<I, O> e = events.get(i);
      if (e.isCall()) {
        if (callAt.putIfAbsent(e.id(), i) != null) {
          throw new IllegalArgumentException("two calls with id " + e.id());
        }
        continue;
      }
      Integer at = callAt.remove(e.id());
      if (at == null) {
        throw new IllegalArgumentException("a return with id " + e.id() + " and no call before it");
      }
      Event<I, O> call = events.get(at);
      ops.add(new Operation<>(call.clientId(), call.input(), at, e.output(), i));
    }
    if (!callAt.isEmpty()) {
      throw new IllegalArgumentException("calls without a return: ids " + callAt.keySet());
    }
    return ops;
  }
}
