package cli;

/** A mistake on the command line: reported in one line, with exit status 2. */
final class UsageError extends Exception {
  private static final long serialVersionUID = 1L;

  UsageError(String message) {
    super(message);
  }
}
