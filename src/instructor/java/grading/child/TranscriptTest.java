package grading.child;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A transcript keeps the start and the end of a long output, and stays small. */
class TranscriptTest {
  @Test
  void keepsHeadAndTail() {
    Transcript t = new Transcript();
    t.add("first line");
    for (int i = 0; i < 100_000; i++) {
      t.add("line " + i);
    }
    t.add("seed: 42");
    String text = t.text();
    assertTrue(text.startsWith("first line\n"));
    assertTrue(text.endsWith("seed: 42\n"));
    assertTrue(text.contains("characters left out"));
    assertTrue(text.length() < Transcript.HEAD + Transcript.TAIL + 200, "" + text.length());
  }
}
