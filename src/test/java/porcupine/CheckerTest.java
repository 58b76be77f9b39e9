package porcupine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static porcupine.RegisterModel.read;
import static porcupine.RegisterModel.write;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The checker on the classic register histories of the linearizability literature. Each history is
 * small enough to check by hand: the comment says why it is, or is not, linearizable.
 */
class CheckerTest {

  private static final RegisterModel REGISTER = new RegisterModel();

  private static CheckResult check(List<Operation<RegisterModel.Input, Integer>> history) {
    return Checker.checkOperations(REGISTER, history, Duration.ofSeconds(10));
  }

  @Test
  void emptyHistoryIsLinearizable() {
    assertEquals(CheckResult.OK, check(List.of()));
  }

  @Test
  void sequentialHistoryIsLinearizable() {
    // No overlap: the only order is real-time order, and every read sees the last write.
    assertEquals(
        CheckResult.OK,
        check(
            List.of(
                write(0, 1, 0, 10), read(1, 1, 20, 30), write(0, 2, 40, 50), read(1, 2, 60, 70))));
  }

  @Test
  void overlappingWritesAndReadsAreLinearizable() {
    // write(2) takes effect, read sees 2, write(1) takes effect, read sees 1: every instant
    // lies inside its operation's interval.
    assertEquals(
        CheckResult.OK,
        check(
            List.of(
                write(0, 1, 0, 100),
                write(1, 2, 10, 60),
                read(2, 2, 20, 70),
                read(3, 1, 80, 120))));
  }

  @Test
  void staleReadAfterCompletedWriteIsIllegal() {
    // write(2) returned before the read was called, so the read must see 2 (or later).
    assertEquals(
        CheckResult.ILLEGAL,
        check(List.of(write(0, 1, 0, 10), write(0, 2, 20, 30), read(1, 1, 40, 50))));
  }

  @Test
  void readOfValueFromLaterOperationIsIllegal() {
    // The read returned before write(1) was called: it cannot have seen 1.
    assertEquals(CheckResult.ILLEGAL, check(List.of(read(0, 1, 0, 10), write(1, 1, 20, 30))));
  }

  @Test
  void newOldInversionIsIllegal() {
    // One reader sees the new value, and a later reader (called after that read returned)
    // sees the old one, while the write is still in flight. Linearizability forbids it.
    assertEquals(
        CheckResult.ILLEGAL,
        check(List.of(write(0, 100, 0, 100), read(1, 100, 10, 20), read(2, 0, 30, 60))));
  }

  @Test
  void overlappingReadsMayDisagreeWhileWriteIsInFlight() {
    // The same values with overlapping reads: read 0, then the write, then read 100.
    assertEquals(
        CheckResult.OK,
        check(List.of(write(0, 100, 0, 100), read(1, 100, 25, 75), read(2, 0, 30, 60))));
  }

  @Test
  void operationsThatTouchCountAsConcurrent() {
    // The read is called at the instant the write returns: calls come before returns on ties,
    // so the read may still come first and see 0.
    assertEquals(CheckResult.OK, check(List.of(write(0, 1, 0, 10), read(1, 0, 10, 20))));
    // One nanosecond later it may not.
    assertEquals(CheckResult.ILLEGAL, check(List.of(write(0, 1, 0, 10), read(1, 0, 11, 20))));
  }

  @Test
  void searchBacktracksOutOfTheFirstOrderItTries() {
    // The first order tried (calls by time: write(1), write(2), ...) fails at read 1; the
    // checker must undo its choices and find write(2), write(1), read 1, read 1.
    assertEquals(
        CheckResult.OK,
        check(
            List.of(
                write(0, 1, 0, 50), write(1, 2, 5, 50), read(2, 1, 60, 70), read(3, 1, 80, 90))));
  }

  @Test
  void verboseKeepsLongestPrefixAndMarksWhereItFails() {
    List<Operation<RegisterModel.Input, Integer>> history =
        List.of(write(0, 1, 0, 10), write(0, 2, 20, 30), read(1, 1, 40, 50), read(1, 2, 60, 70));
    LinearizationInfo<RegisterModel.Input, Integer> info =
        Checker.checkOperationsVerbose(REGISTER, history, Duration.ofSeconds(10));

    assertEquals(CheckResult.ILLEGAL, info.result());
    PartitionInfo<RegisterModel.Input, Integer> part = info.partitions().get(0);
    // Both writes linearize; the stale read is where it stops, and the last read is never reached.
    assertEquals(List.of(0, 1), part.longestLinearization());
    assertEquals(OptionalInt.of(2), part.firstUnlinearizableOperation());
    assertEquals(List.of(0, 1), part.longestLinearizationContaining(0));
    assertEquals(List.of(), part.longestLinearizationContaining(3));
  }

  @Test
  void verboseLinearizationOfOkHistoryIsALegalRealTimeOrder() {
    List<Operation<RegisterModel.Input, Integer>> history =
        List.of(write(0, 1, 0, 100), write(1, 2, 10, 60), read(2, 2, 20, 70), read(3, 1, 80, 120));
    PartitionInfo<RegisterModel.Input, Integer> part =
        Checker.checkOperationsVerbose(REGISTER, history, Duration.ZERO).partitions().get(0);

    assertEquals(CheckResult.OK, part.result());
    List<Integer> order = part.longestLinearization();
    assertEquals(history.size(), order.size());
    assertFalse(part.firstUnlinearizableOperation().isPresent());
    // Replaying the order is legal, and no operation comes after one that it returned before.
    Integer state = REGISTER.init();
    for (int k = 0; k < order.size(); k++) {
      Operation<RegisterModel.Input, Integer> op = history.get(order.get(k));
      StepResult<Integer> step = REGISTER.step(state, op.input(), op.output());
      assertTrue(step.ok(), "step " + k + " of " + order + " is illegal");
      state = step.newState();
      for (int later = k + 1; later < order.size(); later++) {
        assertFalse(
            history.get(order.get(later)).returnTime() < op.callTime(),
            "order " + order + " breaks real time");
      }
    }
  }

  @Test
  void exceptionInModelReachesTheCaller() {
    Model<Integer, Integer, Integer> broken =
        new Model<>() {
          @Override
          public Integer init() {
            return 0;
          }

          @Override
          public StepResult<Integer> step(Integer state, Integer in, Integer out) {
            throw new IllegalStateException("model bug");
          }
        };
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> Checker.checkOperations(broken, List.of(new Operation<>(0, 1, 0, 1, 1))));
    assertEquals("model bug", e.getMessage());
  }

  @Test
  void operationThatReturnsBeforeItIsCalledIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> write(0, 1, 10, 5));
  }
}
