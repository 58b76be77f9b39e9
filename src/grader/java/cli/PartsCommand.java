package cli;

import labs.Registry;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code ./grade.sh parts [--separator S] [--packages]}: the registry's part names (or the student
 * packages) for scripts and the Makefile, so that they never keep a list of their own.
 */
final class PartsCommand {
  private PartsCommand() {}

  static int run(String[] args) throws Exception {
    Options o = new Options();
    o.addOption(Args.valued(null, "separator", "S", "between names (default: a space)"));
    o.addOption(Args.flag(null, "packages", "the student packages instead"));
    CommandLine cl = Args.parse(o, args);
    System.out.println(
        String.join(
            cl.getOptionValue("separator", " "),
            cl.hasOption("packages") ? Registry.studentPackages() : Registry.partNames()));
    return 0;
  }
}
