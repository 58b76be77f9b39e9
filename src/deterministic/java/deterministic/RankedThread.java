package deterministic;

import org.pastalab.fray.core.ThreadContext;

/** A thread waiting to run, and the random priority {@link PosScheduler} drew for it. */
record RankedThread(ThreadContext thread, double priority) {}
