package cli;

import diagnostics.LogColumns;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code ./grade.sh logcols} (also {@code tools/logcols}): see {@link LogColumns}. */
final class LogColumnsCommand {
  private LogColumnsCommand() {}

  static Options options() {
    Options o = new Options();
    o.addOption(
        Args.valued(
            "c",
            null,
            "COLUMNS",
            "number of servers (default: the highest" + " server seen, plus one)"));
    o.addOption(
        Args.valued("t", null, "TOPIC,...", "show only these topics (e.g." + " VOTE,LEAD,TERM)"));
    o.addOption(Args.valued("x", null, "TOPIC,...", "hide these topics"));
    o.addOption(Args.valued("w", null, "WIDTH", "page width in characters (default 160)"));
    o.addOption(Args.flag("h", "help", "this text"));
    return o;
  }

  static int run(String[] args) throws Exception {
    CommandLine cl = Args.parse(options(), args);
    if (cl.hasOption("h")) {
      String me = Requirements.launcherCommand();
      Args.printHelp(
          me + " logcols [-c COLUMNS] [-t TOPIC,...] [-x TOPIC,...] [-w WIDTH] [FILE]",
          "The column view of a debug log: each server's lines in its own column, so that what"
              + " the peers did at one moment lines up; the tester's lines span the page. Reads"
              + " FILE, or standard input, e.g.\n  "
              + me
              + " -v -t testReElection3A 3A |"
              + " tools/logcols -t VOTE,LEAD\n\nOptions:",
          options(),
          null,
          List.of());
      return 0;
    }
    Long columns = Args.number(cl, "c", "-c");
    Long width = Args.number(cl, "w", "-w");
    if ((columns != null && columns < 1) || (width != null && width < 20)) {
      throw new UsageError("logcols: -c needs 1 or more columns, -w 20 or more characters");
    }
    List<String> files = cl.getArgList();
    if (files.size() > 1) {
      throw new UsageError("logcols reads one file (or standard input), not " + files);
    }
    List<String> lines;
    try (BufferedReader in =
        files.isEmpty()
            ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
            : Files.newBufferedReader(
                Workspace.current().fromCaller(files.get(0)), StandardCharsets.UTF_8)) {
      lines = LogColumns.read(in);
    }
    int n = columns != null ? columns.intValue() : LogColumns.columnsNeeded(lines);
    System.out.print(
        LogColumns.render(
            lines,
            n,
            width == null ? 160 : width.intValue(),
            topics(cl.getOptionValue("t")),
            topics(cl.getOptionValue("x"))));
    System.out.flush();
    return 0;
  }

  private static Set<String> topics(String list) {
    Set<String> out = new HashSet<>();
    if (list != null) {
      for (String t : list.split(",")) {
        if (!t.isBlank()) {
          out.add(t.trim().toUpperCase(Locale.ROOT));
        }
      }
    }
    return out;
  }
}
