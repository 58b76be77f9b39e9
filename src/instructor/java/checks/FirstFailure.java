package checks;

import grading.Grade;
import grading.child.ChildLauncher;
import grading.child.ChildLimits;
import grading.child.ChildRun;
import grading.child.Judgement;
import grading.child.ReferenceFilter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.platform.launcher.TestIdentifier;

/**
 * For the variant check ({@code tools/validate.sh}): runs a part's tests in a child JVM, stopping
 * at the first failure, and writes which test failed first and why, read from the child's signed
 * verdicts. The output goes to a log for people; the result file is for the script.
 *
 * <pre>
 * java -cp ... checks.FirstFailure PART LOG RESULT
 * </pre>
 *
 * RESULT gets one line: {@code caught TAB TEST TAB MESSAGE}, or {@code missed} if every test
 * passed.
 */
public final class FirstFailure {
  private FirstFailure() {}

  public static void main(String[] argv) throws IOException, InterruptedException {
    String part = argv[0];
    List<TestIdentifier> tests = Grade.discover(List.of(part), List.of());
    ChildLimits limits = ChildLimits.DEFAULT;
    String line = "missed";
    try (OutputStream file = Files.newOutputStream(Path.of(argv[1]));
        PrintStream log = new PrintStream(file, true, StandardCharsets.UTF_8)) {
      ChildRun run =
          new ChildLauncher(limits, null, ReferenceFilter.NONE)
              .run(List.of("-XX:+UseSerialGC"), List.of("--fail-fast", part), log, 900, -1);
      for (TestIdentifier t : tests) {
        Grade.Result r = Judgement.of(Grade.nameOf(t), 0, run, limits);
        if (!r.passed()) {
          String msg = r.message().replaceAll("\\s+", " ");
          line = "caught\t" + r.name() + "\t" + msg;
          break;
        }
      }
    }
    Files.writeString(Path.of(argv[2]), line + "\n", StandardCharsets.UTF_8);
  }
}
