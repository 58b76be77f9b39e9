package kvtest;

import java.time.Duration;
import porcupine.CheckResult;
import porcupine.Checker;

/**
 * Times the checker on a large linearizable key/value history: 50 clients, 12,000 operations,
 * 20 keys. Prints one line, {@code porcupine kv: <n> ops checked in <t> ms}.
 *
 * <pre>
 * mvn -q test-compile &amp;&amp; java -cp target/test-classes kvtest.PorcupineKvBench
 * </pre>
 *
 * A smaller history is checked first, silently, so the JIT has compiled the search before the
 * measured run.
 */
public final class PorcupineKvBench {

    private PorcupineKvBench() {
    }

    public static void main(String[] args) {
        KvModel model = new KvModel();
        KvHistoryGenerator.Generated warmUp = KvHistoryGenerator.generate(50, 60, 20, 1);
        for (int i = 0; i < 3; i++) {
            Checker.checkOperations(model, warmUp.ops(), Duration.ZERO);
        }

        KvHistoryGenerator.Generated history = KvHistoryGenerator.generate(50, 240, 20, 2025);
        long start = System.nanoTime();
        CheckResult result = Checker.checkOperations(model, history.ops(), Duration.ZERO);
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (result != CheckResult.OK) {
            System.err.println("porcupine kv: expected OK, got " + result);
            System.exit(1);
        }
        System.out.println("porcupine kv: " + history.ops().size() + " ops checked in " + millis + " ms");
    }
}
