package cli;

import java.util.concurrent.Callable;
import labs.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./grade.sh parts}: the registry's part names (or student packages) for scripts and the
 * Makefile, so that they never keep a list of their own.
 */
@Command(name = "parts", hidden = true,
    description = "Prints the part names of the registry (or the student packages).")
final class PartsCommand implements Callable<Integer> {
  @Option(names = "--separator", defaultValue = " ", description = "between names")
  String separator;

  @Option(names = "--packages", description = "the student packages instead")
  boolean packages;

  @Override
  public Integer call() {
    System.out.println(String.join(separator,
        packages ? Registry.studentPackages() : Registry.partNames()));
    return 0;
  }
}
