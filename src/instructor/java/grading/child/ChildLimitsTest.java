package grading.child;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Limits come from the grader's environment, with defaults. */
class ChildLimitsTest {
  @Test
  void defaultsAndOverrides() {
    assertEquals(ChildLimits.DEFAULT, ChildLimits.from(Map.of()));
    ChildLimits l = ChildLimits.from(Map.of("RAFTLAB_HEAP_MB", "256", "RAFTLAB_OUTPUT_KB", "64"));
    assertEquals(256, l.heapMb());
    assertEquals(64 * 1024, l.outputBytes());
    assertEquals(ChildLimits.DEFAULT.maxThreads(), l.maxThreads());
  }

  @Test
  void nonsenseIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> ChildLimits.from(Map.of("RAFTLAB_MAX_THREADS", "-1")));
  }
}
