package grading.child;

import grading.verdict.VerdictFile;

/**
 * What the grader saw of one child JVM: its signed records, how it ended and what it printed.
 *
 * @param verdicts the authentic records of its results file, and the count of forged lines
 * @param exitStatus its exit status (meaningless if it was killed)
 * @param timedOut the grader killed it at the time limit
 * @param outputOverflow the grader killed it for printing more than the limit
 * @param lingered the grader killed it because it kept running after its last verdict
 * @param seconds from start to end
 * @param transcript what it printed, cut for results.json
 */
public record ChildRun(
    VerdictFile verdicts,
    int exitStatus,
    boolean timedOut,
    boolean outputOverflow,
    boolean lingered,
    double seconds,
    String transcript) {}
