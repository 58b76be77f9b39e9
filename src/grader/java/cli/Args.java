package cli;

import java.io.PrintWriter;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * The small helpers every command of the front end parses its arguments with (Apache Commons CLI):
 * declaring an option, parsing into a usage error, reading numbers, printing help.
 */
final class Args {
  private Args() {}

  /** An option without a value. */
  static Option flag(String shortName, String longName, String description) {
    return Option.builder(shortName).longOpt(longName).desc(description).build();
  }

  /** An option with a value, shown as {@code name}. */
  static Option valued(String shortName, String longName, String name, String description) {
    return Option.builder(shortName)
        .longOpt(longName)
        .hasArg()
        .argName(name)
        .desc(description)
        .build();
  }

  static CommandLine parse(Options options, String[] args) throws UsageError {
    try {
      return DefaultParser.builder().build().parse(options, args);
    } catch (ParseException e) {
      throw new UsageError(e.getMessage());
    }
  }

  /** The value of a numeric option, or null if it is absent. */
  static Long number(CommandLine cl, String option, String label) throws UsageError {
    String v = cl.getOptionValue(option);
    if (v == null) {
      return null;
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new UsageError(label + " needs a number, not '" + v + "'");
    }
  }

  /** Prints the help of a command: usage lines, text, options in the order declared, footer. */
  static void printHelp(
      String usage, String header, Options options, String footer, List<String> rows) {
    HelpFormatter f = HelpFormatter.builder().setShowSince(false).get();
    f.setOptionComparator(null);
    f.setWidth(100);
    f.setSyntaxPrefix("Usage: ");
    PrintWriter out = new PrintWriter(System.out, true);
    f.printHelp(out, 100, usage, header, options, 2, 3, null, false);
    for (String row : rows) {
      out.println(row);
    }
    if (footer != null) {
      out.println(footer);
    }
    out.flush();
  }
}
