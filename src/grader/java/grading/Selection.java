package grading;

import java.util.List;
import labs.Registry;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Which lab tests a run takes: the tests of {@code parts} (registry names such as {@code 3A}; none
 * means every part), narrowed to {@code tests} if any are named ({@code testReElection3A}, its Go
 * name {@code TestReElection3A}, or {@code ReElection3A}). The command line checks the names; the
 * runners only look them up.
 */
public record Selection(List<String> parts, List<String> tests) {
  public Selection {
    parts = List.copyOf(parts.isEmpty() ? Registry.partNames() : parts);
    tests = List.copyOf(tests);
  }

  /** The selected tests, in the order they run. */
  List<TestIdentifier> discover() {
    return Grade.discover(parts, tests);
  }

  /** What a message says when nothing matches. */
  String describe() {
    return tests.isEmpty() ? parts.toString() : tests.toString();
  }
}
