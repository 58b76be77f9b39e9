package labs;

/**
 * The command a grading engine runs for one part. GitHub Classroom runs it in a job whose {@code
 * pristine/} holds the template repository and {@code submission/} the student's; the Gradescope
 * bundle's test runs the same command, so what Classroom runs is tested here.
 */
public final class GradingCommand {
  private GradingCommand() {}

  /** The Classroom step's command for {@code part}. */
  public static String classroom(String part) {
    return "cd pristine && ./grade.sh --submission ../submission " + part;
  }
}
