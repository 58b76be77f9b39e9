package cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code ./grade.sh assemble OUT PACKAGES} (also {@code tools/assemble-tree.sh}): a main source
 * tree with the student's packages taken from PACKAGES; see {@link TreeAssembler}.
 */
@Command(
    name = "assemble",
    hidden = true,
    description = "Assembles OUT: src/main/java with the student packages taken from PACKAGES.")
final class AssembleCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "OUT") String out;

  @Parameters(index = "1", paramLabel = "PACKAGES") String packages;

  @Override
  public Integer call() throws Exception {
    Workspace ws = Workspace.current();
    Path overlay = ws.fromCaller(packages);
    TreeAssembler.assemble(ws.root().resolve("src/main/java"), overlay, ws.fromCaller(out));
    return 0;
  }
}
