package grading.child;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The pump withholds everything from the first line of the reference on, and stops a flood. */
class OutputPumpTest {
  private static String pump(
      String input, ReferenceFilter filter, long limit, AtomicBoolean overflow)
      throws InterruptedException {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    OutputPump p =
        new OutputPump(
            new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(sink, true, StandardCharsets.UTF_8),
            filter,
            limit,
            () -> overflow.set(true));
    p.start();
    p.join();
    return sink.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theReferenceAndWhatFollowsAreWithheld() throws Exception {
    ReferenceFilter f =
        ReferenceFilter.of(List.of("return new RequestVoteReply(currentTerm, ok);"));
    String out =
        pump(
            "package raft;\nreturn new RequestVoteReply(currentTerm, ok);\n}\n",
            f,
            1 << 20,
            new AtomicBoolean());
    assertEquals("package raft;\n" + ReferenceFilter.WITHHELD + "\n", out);
  }

  @Test
  void aFloodIsCut() throws Exception {
    AtomicBoolean overflow = new AtomicBoolean();
    String out = pump("x".repeat(100) + "\n".repeat(100), ReferenceFilter.NONE, 50, overflow);
    assertTrue(overflow.get());
    assertTrue(out.contains("output stopped after"), out);
  }
}
