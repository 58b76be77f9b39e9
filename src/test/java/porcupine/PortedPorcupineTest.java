package porcupine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static porcupine.RegisterModel.read;
import static porcupine.RegisterModel.write;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The data-free unit tests of Go's Porcupine ({@code porcupine_test.go}), on the same histories:
 * the register model with operations and with events, operations that take no time, and an empty
 * history with a partitioned model.
 */
class PortedPorcupineTest {

  private static final RegisterModel REGISTER = new RegisterModel();
  private static final RegisterModel.Input READ = new RegisterModel.Input(false, 0);

  private static RegisterModel.Input writeOf(int value) {
    return new RegisterModel.Input(true, value);
  }

  @Test
  void registerModelWithOperations() {
    // The 2017 6.824 quiz 2 examples: while write(100) runs, one read sees 100 and an overlapping
    // one still sees 0, which is fine ...
    assertEquals(
        CheckResult.OK,
        Checker.checkOperations(
            REGISTER, List.of(write(0, 100, 0, 100), read(1, 100, 25, 75), read(2, 0, 30, 60))));
    // ... but a read that starts after another read saw 200 cannot see 0 again.
    assertEquals(
        CheckResult.ILLEGAL,
        Checker.checkOperations(
            REGISTER, List.of(write(0, 200, 0, 100), read(1, 200, 10, 30), read(2, 0, 40, 90))));
  }

  @Test
  void registerModelWithEvents() {
    // The same two histories, as events in the order they happened.
    List<Event<RegisterModel.Input, Integer>> ok =
        List.of(
            Event.call(0, 0, writeOf(100)),
            Event.call(1, 1, READ),
            Event.call(2, 2, READ),
            Event.returned(2, 2, 0),
            Event.returned(1, 1, 100),
            Event.returned(0, 0, 0));
    assertEquals(CheckResult.OK, Checker.checkEvents(REGISTER, ok, Duration.ZERO));

    List<Event<RegisterModel.Input, Integer>> illegal =
        List.of(
            Event.call(0, 0, writeOf(200)),
            Event.call(1, 1, READ),
            Event.returned(1, 1, 200),
            Event.call(2, 2, READ),
            Event.returned(2, 2, 0),
            Event.returned(0, 0, 0));
    assertEquals(CheckResult.ILLEGAL, Checker.checkEvents(REGISTER, illegal, Duration.ZERO));
  }

  @Test
  void zeroDurationOperationsThatCanBeOrdered() {
    // Two reads that take no time at all, both inside the write: both before it, seeing 0.
    List<Operation<RegisterModel.Input, Integer>> history =
        List.of(
            write(0, 100, 0, 100), read(1, 100, 25, 75), read(2, 0, 30, 30), read(3, 0, 30, 30));
    LinearizationInfo<RegisterModel.Input, Integer> info =
        Checker.checkOperationsVerbose(REGISTER, history, Duration.ZERO);
    assertEquals(CheckResult.OK, info.result());
    // Go also draws this history; the page must cope with bars of no width.
    assertTrue(Visualizer.page(REGISTER, info).contains("<title>porcupine: OK</title>"));
  }

  @Test
  void zeroDurationOperationsThatCannotBeOrdered() {
    // Two instant reads see 200 at time 10; a read from 40 to 90 cannot see 0 after that.
    List<Operation<RegisterModel.Input, Integer>> history =
        List.of(
            write(0, 200, 0, 100), read(1, 200, 10, 10), read(2, 200, 10, 10), read(3, 0, 40, 90));
    assertEquals(
        CheckResult.ILLEGAL,
        Checker.checkOperationsVerbose(REGISTER, history, Duration.ZERO).result());
  }

  @Test
  void emptyHistoryWithPartitionedModel() {
    // No operations means no partitions: nothing to search, and nothing wrong.
    LinearizationInfo<KeyedRegisterModel.Input, Integer> info =
        Checker.checkOperationsVerbose(new KeyedRegisterModel(), List.of(), Duration.ZERO);
    assertEquals(CheckResult.OK, info.result());
    assertEquals(List.of(), info.partitions());
  }
}
