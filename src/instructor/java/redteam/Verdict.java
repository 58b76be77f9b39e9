package redteam;

import java.util.ArrayList;
import java.util.List;

/** Whether one attack was stopped, and what it got, from its {@link GradedRun}. */
final class Verdict {
  private Verdict() {}

  /** What is wrong with the grading of {@code a}; empty if the attack was stopped. */
  static List<String> problems(Attack a, GradedRun run, List<String> reference) {
    List<String> problems = new ArrayList<>();
    if (run.json() == null) {
      problems.add("the grader wrote no results.json (exit status " + run.status() + ")");
      return problems;
    }
    if (run.status() != 1) {
      problems.add("grade.sh ended with status " + run.status() + ", not 1 (tests failed)");
    }
    for (String t : a.tests()) {
      if (run.test(t).isEmpty()) {
        problems.add(t + " has no entry: the grader did not go on");
      } else if (run.score(t) != 0) {
        problems.add(t + " got " + run.score(t) + " points");
      } else if (!a.expect().equals("integrity scan flagged")
          && !run.message(t).contains(a.expect())) {
        problems.add(
            t + " failed with \"" + run.message(t) + "\", expected \"" + a.expect() + "\"");
      }
    }
    List<String> flags = run.flags();
    for (String rule : a.flags()) {
      if (flags.stream().noneMatch(f -> f.startsWith(rule + ":"))) {
        problems.add("the scan did not flag " + rule + " (flags: " + flags + ")");
      }
    }
    String everything = run.output() + run.json();
    for (String line : reference) {
      if (everything.contains(line)) {
        problems.add("the output holds a line of the reference: " + line);
        break;
      }
    }
    return problems;
  }

  /** What the attack got: points, and the first attacked test's message. */
  static String got(Attack a, GradedRun run) {
    if (run.json() == null) {
      return "no results";
    }
    int score = 0;
    for (String t : a.tests()) {
      score += Math.max(0, run.score(t));
    }
    String first = a.tests().isEmpty() ? "" : a.tests().get(0);
    String flags =
        run.flags().isEmpty()
            ? "nothing flagged"
            : run.flags().size()
                + " flag(s): "
                + String.join(
                    ", ",
                    run.flags().stream()
                        .map(f -> f.substring(0, f.indexOf(':')))
                        .distinct()
                        .toList());
    return score + " points; " + first + ": " + run.message(first) + "; " + flags;
  }
}
