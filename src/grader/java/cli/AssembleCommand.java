package cli;

import java.util.List;

/**
 * {@code ./grade.sh assemble OUT PACKAGES} (also {@code tools/assemble-tree.sh}): a main source
 * tree with the student's packages taken from PACKAGES; see {@link TreeAssembler}.
 */
final class AssembleCommand {
  private AssembleCommand() {}

  static int run(String[] args) throws Exception {
    List<String> a = Args.parse(new org.apache.commons.cli.Options(), args).getArgList();
    if (a.size() != 2) {
      throw new UsageError("assemble takes OUT_DIR PACKAGES_DIR");
    }
    Workspace ws = Workspace.current();
    TreeAssembler.assemble(
        ws.root().resolve("src/main/java"), ws.fromCaller(a.get(1)), ws.fromCaller(a.get(0)));
    return 0;
  }
}
