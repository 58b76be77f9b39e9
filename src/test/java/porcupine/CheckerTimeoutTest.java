package porcupine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The stop flag: a timeout ends a hopeless search with UNKNOWN, and an ILLEGAL partition ends
 * the searches of the others. Both use a history that is exponentially hard on purpose.
 */
class CheckerTimeoutTest {

    private static final KvModel KV = new KvModel();

    /**
     * 60 fully concurrent ErrMaybe puts at version 0, then a get of a value nobody wrote. Every
     * subset of the puts, with every choice of which one applied, is a different (set, state)
     * pair, and all of them must be tried before ILLEGAL: about 2^60 steps.
     */
    private static List<Operation<KvInput, KvOutput>> hardHistory(String key) {
        List<Operation<KvInput, KvOutput>> ops = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ops.add(new Operation<>(i, KvInput.put(key, "v" + i, 0), i, KvOutput.put("ErrMaybe"), 1_000 + i));
        }
        ops.add(new Operation<>(60, KvInput.get(key), 2_000, KvOutput.got("never-written", 1, "OK"), 3_000));
        return ops;
    }

    @Test
    void hardHistoryTimesOutAsUnknown() {
        long start = System.nanoTime();
        CheckResult result = Checker.checkOperations(KV, hardHistory("h"), Duration.ofMillis(100));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(CheckResult.UNKNOWN, result);
        // The search notices the flag within a step; allow a busy machine plenty of slack.
        assertTrue(millis < 5_000, "took " + millis + " ms to stop after a 100 ms timeout");
    }

    @Test
    void verboseCheckAlsoTimesOutAndKeepsWhatItFound() {
        LinearizationInfo<KvInput, KvOutput> info =
                Checker.checkOperationsVerbose(KV, hardHistory("h"), Duration.ofMillis(100));

        assertEquals(CheckResult.UNKNOWN, info.result());
        PartitionInfo<KvInput, KvOutput> part = info.partitions().get(0);
        assertEquals(CheckResult.UNKNOWN, part.result());
        // All 60 puts linearize at once; only the get was never placed.
        assertEquals(60, part.longestLinearization().size());
        assertFalse(part.firstUnlinearizableOperation().isPresent());
    }

    @Test
    void illegalPartitionStopsTheOtherSearches() {
        // Key "h" would take forever; key "x" is illegal at once, and that settles the answer.
        List<Operation<KvInput, KvOutput>> history = new ArrayList<>(hardHistory("h"));
        history.add(new Operation<>(0, KvInput.get("x"), 0, KvOutput.got("ghost", 1, "OK"), 10));
        long start = System.nanoTime();
        // The timeout is only a backstop in case the stop flag is broken.
        CheckResult result = Checker.checkOperations(KV, history, Duration.ofSeconds(20));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(CheckResult.ILLEGAL, result);
        assertTrue(millis < 5_000, "took " + millis + " ms: the hard partition was not stopped");
    }
}
