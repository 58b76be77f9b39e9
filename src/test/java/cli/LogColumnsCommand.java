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
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./grade.sh logcols} (also {@code tools/logcols}): see {@link LogColumns}. */
@Command(
    name = "logcols",
    sortOptions = false,
    usageHelpWidth = 100,
    header = "the column view of a debug log: a column per server",
    description = {
      "The column view of a debug log: each server's lines in its own column, so that what the"
          + " peers did at one moment lines up; the tester's lines span the page. Reads FILE, or"
          + " standard input, e.g. ./grade.sh -v -t testReElection3A 3A | tools/logcols -t VOTE,LEAD"
    })
final class LogColumnsCommand implements Callable<Integer> {
  @Option(names = "-c", paramLabel = "COLUMNS",
      description = "number of servers (default: the highest server seen, plus one)")
  Integer columns;

  @Option(names = "-t", paramLabel = "TOPIC", split = ",",
      description = "show only these topics (e.g. VOTE,LEAD,TERM)")
  List<String> only = List.of();

  @Option(names = "-x", paramLabel = "TOPIC", split = ",", description = "hide these topics")
  List<String> hide = List.of();

  @Option(names = "-w", paramLabel = "WIDTH", defaultValue = "160",
      description = "page width in characters (default: ${DEFAULT-VALUE})")
  int width;

  @Parameters(paramLabel = "FILE", arity = "0..1", description = "the log (default: standard input)")
  String file;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "this text")
  boolean help;

  @Override
  public Integer call() throws Exception {
    if (columns != null && columns < 1) {
      System.err.println(Requirements.launcher() + " logcols: -c needs 1 or more columns");
      return 2;
    }
    List<String> lines;
    try (BufferedReader in = file == null
        ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
        : Files.newBufferedReader(Workspace.current().fromCaller(file), StandardCharsets.UTF_8)) {
      lines = LogColumns.read(in);
    }
    int n = columns != null ? columns : LogColumns.columnsNeeded(lines);
    System.out.print(LogColumns.render(lines, n, width, upper(only), upper(hide)));
    System.out.flush();
    return 0;
  }

  private static Set<String> upper(List<String> topics) {
    Set<String> out = new HashSet<>();
    topics.forEach(t -> out.add(t.toUpperCase(Locale.ROOT)));
    return out;
  }
}
