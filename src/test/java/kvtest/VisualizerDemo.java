package kvtest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import porcupine.Annotation;
import porcupine.Checker;
import porcupine.LinearizationInfo;
import porcupine.Visualizer;

/**
 * Writes a sample page for a small random key/value history with a stale read injected, and tester
 * annotations, to look at the visualizer by eye:
 *
 * <pre>
 * mvn -q test-compile &amp;&amp; java -cp target/test-classes kvtest.VisualizerDemo /tmp/porcupine.html
 * </pre>
 */
public final class VisualizerDemo {

  private VisualizerDemo() {}

  public static void main(String[] args) {
    Path file = Path.of(args.length > 0 ? args[0] : "porcupine-demo.html");
    KvModel model = new KvModel();
    KvHistoryGenerator.Injected bad =
        KvHistoryGenerator.withStaleGet(KvHistoryGenerator.generate(5, 8, 3, 3), 3);
    LinearizationInfo<KvInput, KvOutput> info =
        Checker.checkOperationsVerbose(model, bad.ops(), Duration.ZERO);
    long t0 = bad.ops().get(0).callTime();
    info.addAnnotations(
        List.of(
            new Annotation(
                "network",
                t0 + 20_000,
                t0 + 60_000,
                "partition {0,1} | {2,3,4}",
                "servers 2, 3 and 4 cannot reach 0 and 1",
                "#90caf9"),
            Annotation.at("server 2", t0 + 45_000, "crash"),
            new Annotation("server 2", t0 + 70_000, t0 + 75_000, "restart", "", "#ce93d8")));
    Visualizer.visualizeToFile(model, info, file);
    System.out.println(info.result() + ": wrote " + file.toAbsolutePath());
  }
}
