package kvtest;

import diagnostics.EventLog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import porcupine.Checker;
import porcupine.LinearizationInfo;
import porcupine.Visualizer;

/**
 * Writes a sample page for a small random key/value history with a stale read injected, and the
 * annotations a test would add (its faults, a checker, a student's marks), to look at the
 * visualizer by eye:
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
    long last = bad.ops().stream().mapToLong(o -> o.returnTime()).max().orElse(t0);
    // What a test's event log would hold: the tester's events, a checker, a student's marks.
    Object[] none = new Object[0];
    List<EventLog.Event> events =
        List.of(
            new EventLog.Event(t0 - 5_000, -1, -1, "tester", -1, "begin: Test: demo", none),
            new EventLog.Event(t0 + 20_000, 0, 0, "disconnect", -1, "disconnected from all", none),
            new EventLog.Event(t0 + 45_000, 0, 2, "crash", -1, "shut down (crashed)", none),
            new EventLog.Event(t0 + 60_000, 0, 0, "connect", -1, "connected", none),
            new EventLog.Event(t0 + 70_000, 0, 2, "start", -1, "started", none),
            new EventLog.Event(t0 + 70_000, 0, 2, "connect", -1, "connected", none));
    List<EventLog.Mark> marks =
        List.of(
            new EventLog.Mark(
                "server 1", t0 + 10_000, t0 + 30_000, "leader T2", "won 3 of 5 votes", "user"),
            new EventLog.Mark("server 1", t0 + 35_000, t0 + 35_000, "snapshot at 12", "", "user"),
            new EventLog.Mark(
                EventLog.CHECKER_TAG,
                last + 1_000,
                last + 9_000,
                "not linearizable",
                "checking linearizability",
                "checker-failed"));
    info.addAnnotations(PageAnnotations.of(events, marks, last + 10_000));
    Visualizer.visualizeToFile(model, info, file);
    System.out.println(info.result() + ": wrote " + file.toAbsolutePath());
  }
}
