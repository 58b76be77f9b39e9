package grading.child;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Lines holding text of the reference are replaced; others pass as they are. */
class ReferenceFilterTest {
  private static final String REFERENCE =
      """
      if (args.term() > currentTerm) { becomeFollower(args.term()); }
      return new RequestVoteReply(currentTerm, granted);
      """;

  @Test
  void aLineOfTheReferenceIsReplacedEvenWithOtherSpacingOrAPrefix() {
    ReferenceFilter f = ReferenceFilter.of(List.of(REFERENCE));
    assertEquals(
        ReferenceFilter.REPLACEMENT,
        f.filter("leak:   if (args.term()>currentTerm) {becomeFollower(args.term());}"));
  }

  @Test
  void otherLinesPass() {
    ReferenceFilter f = ReferenceFilter.of(List.of(REFERENCE));
    String line = "Test (3A): initial election (reliable network)...";
    assertEquals(line, f.filter(line));
    assertEquals(line, ReferenceFilter.NONE.filter(line));
  }
}
