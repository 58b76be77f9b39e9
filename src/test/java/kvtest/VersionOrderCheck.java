package kvtest;

import static kvtest.TimeSet.NEG_INF;
import static kvtest.TimeSet.POS_INF;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import porcupine.Operation;

/**
 * Decides whether one key's history is linearizable by following the key's versions, in time close
 * to linear in the history's length: the check that Lab 4 needs where Porcupine's search gives up
 * (twenty clients on one key, thousands of overlapping operations).
 *
 * <h2>Why versions make it easy</h2>
 *
 * A Put that takes effect moves the key from version v to v+1. So the Puts that take effect are
 * w<sub>1</sub>, ..., w<sub>N</sub>, where w<sub>v+1</sub> is a Put at version v, and they take
 * effect in that order, at instants t<sub>1</sub> &le; ... &le; t<sub>N</sub> inside their own
 * call/return intervals. Version v is current from t<sub>v</sub> to t<sub>v+1</sub> (t<sub>0</sub>
 * = -&infin;, t<sub>N+1</sub> = +&infin;). Every other operation changes nothing; it only needs an
 * instant inside its interval at which the key is in a state that explains its answer (the rules of
 * {@link KvModel}):
 *
 * <ul>
 *   <li>a Get that read the value of version u fits iff call &le; t<sub>u+1</sub> and t<sub>u</sub>
 *       &le; return: the Gets bound single writes;
 *   <li>a Put at version v that did not take effect (ErrVersion, or ErrMaybe not applied) fits iff
 *       the version was not v at some instant of its interval: call &le; t<sub>v</sub> (before
 *       w<sub>v</sub>) or t<sub>v+1</sub> &le; return (after w<sub>v+1</sub>). It ties two
 *       neighbouring writes.
 * </ul>
 *
 * (An ErrMaybe Put that did not take effect must, like ErrVersion, find the version not v: {@link
 * KvModel} is deterministic, and a Put at the current version takes effect whatever it answered.)
 *
 * <p>Why instants are enough: an order of the operations respects real time (A before B whenever A
 * returned before B was called) iff each operation can be given an instant inside its interval,
 * non-decreasing along the order; operations with equal instants may go in any order among
 * themselves. So a linearization is a choice of instants, plus, among equal ones, the order that
 * puts each operation in its version.
 *
 * <p>Operations that change nothing do not constrain each other, so nothing else is needed: the
 * check walks the versions upwards keeping F<sub>v</sub>, the set of instants that w<sub>v</sub>
 * can have in some explanation of everything that involves only w<sub>1</sub>..w<sub>v</sub>. Given
 * the writer of version v+1 (an OK Put at version v; failing that, any ErrMaybe Put at version v:
 * we take the union over them), F<sub>v+1</sub> follows from F<sub>v</sub> alone, and stays a short
 * list of intervals ({@link TimeSet}). At each version it also asks whether the history can end
 * there (N = v): every Put at version v must then fit before w<sub>v</sub>. Equal times count as
 * overlapping, as in Porcupine: all bounds are inclusive.
 *
 * <h2>What it leaves to Porcupine</h2>
 *
 * The Gets are placed by their value. When a Get's value may belong to two versions (the same value
 * put at two versions, or "" both read and put), the check answers {@link Verdict#UNDECIDED} and
 * the caller runs Porcupine on that key. Lab 4's concurrent clients put values that name their
 * version, so their keys are always decided here; the single-client tests that put "0" and "1" over
 * and over are undecided here and easy for Porcupine.
 *
 * <p>Where it decides, it says what {@link KvModel} under Porcupine says: {@code
 * VersionOrderCheckVsPorcupineTest} compares the two on many thousand small random histories.
 */
final class VersionOrderCheck {

  /** The answer for one key. */
  enum Verdict {
    OK,
    ILLEGAL,
    UNDECIDED
  }

  /** The answer, and for ILLEGAL or UNDECIDED a sentence saying why. */
  record Result(Verdict verdict, String reason) {}

  private static final KvModel KV = new KvModel();

  /**
   * The Puts at one version: the one answered OK (if any), the ErrMaybe ones, the ErrVersion ones.
   */
  private static final class Slot {
    Operation<KvInput, KvOutput> ok;
    final List<Operation<KvInput, KvOutput>> maybes = new ArrayList<>();
    final List<Operation<KvInput, KvOutput>> rejected = new ArrayList<>();

    /** The Puts that could have made the next version: the OK one if any, else any ErrMaybe one. */
    List<Operation<KvInput, KvOutput>> writers() {
      return ok != null ? List.of(ok) : maybes;
    }
  }

  private static final Slot NO_PUTS = new Slot();

  /** The Gets that read the value of one version: what they read and the bounds they set. */
  private static final class Reads {
    String value;
    long latestCall = NEG_INF;
    long earliestReturn = POS_INF;
    Operation<KvInput, KvOutput> calledLast; // for the message: the Gets that set the bounds
    Operation<KvInput, KvOutput> returnedFirst;
  }

  private VersionOrderCheck() {}

  /** Checks the operations of one key (all must have the same key). */
  static Result check(List<Operation<KvInput, KvOutput>> history) {
    Map<Long, Slot> slots = new HashMap<>();
    long needed = 0; // the history cannot end before this version
    for (Operation<KvInput, KvOutput> op : history) {
      if (op.callTime() == NEG_INF) {
        // -infinity stands for the key's creation here; a real clock never says it.
        return new Result(Verdict.UNDECIDED, "a call at Long.MIN_VALUE");
      }
      if (op.input().op() != KvInput.Op.PUT) {
        continue;
      }
      long v = op.input().version();
      switch (op.output().err()) {
        case "OK" -> {
          if (v < 0) {
            return illegal(describe(op) + ": no key is ever at a negative version");
          }
          Slot slot = slots.computeIfAbsent(v, k -> new Slot());
          if (slot.ok != null) {
            return illegal(
                "two puts answered OK at version "
                    + v
                    + ", but only one can move the key to version "
                    + (v + 1)
                    + ": "
                    + describe(slot.ok)
                    + " and "
                    + describe(op));
          }
          slot.ok = op;
          needed = Math.max(needed, v + 1);
        }
        case "ErrMaybe" -> {
          if (v >= 0) { // at a negative version it can only have failed, anywhere
            slots.computeIfAbsent(v, k -> new Slot()).maybes.add(op);
          }
        }
        case "ErrVersion" -> {
          if (v >= 0) {
            slots.computeIfAbsent(v, k -> new Slot()).rejected.add(op);
          }
        }
        default -> {
          return illegal(describe(op) + ": a put answers OK, ErrVersion or ErrMaybe");
        }
      }
    }

    // Which versions can hold each value: "" at version 0, and what each possible writer wrote.
    Map<String, Set<Long>> heldAt = new HashMap<>();
    heldAt.computeIfAbsent("", k -> new HashSet<>()).add(0L);
    slots.forEach(
        (v, slot) -> {
          for (Operation<KvInput, KvOutput> w : slot.writers()) {
            heldAt.computeIfAbsent(w.input().value(), k -> new HashSet<>()).add(v + 1);
          }
        });
    Map<Long, Reads> reads = new HashMap<>();
    for (Operation<KvInput, KvOutput> op : history) {
      if (op.input().op() != KvInput.Op.GET) {
        continue;
      }
      String value = op.output().value();
      Set<Long> versions = heldAt.get(value);
      if (versions == null) {
        return illegal(describe(op) + " read a value that no put can have written");
      }
      if (versions.size() > 1) {
        return new Result(
            Verdict.UNDECIDED,
            describe(op) + " read a value that versions " + versions + " could all hold");
      }
      long u = versions.iterator().next();
      Reads r = reads.computeIfAbsent(u, k -> new Reads());
      if (r.value == null) {
        r.value = value;
      } else if (!r.value.equals(value)) {
        return illegal(
            "gets read \""
                + r.value
                + "\" and \""
                + value
                + "\", which only version "
                + u
                + " could hold, but it holds one value");
      }
      if (op.callTime() > r.latestCall) {
        r.latestCall = op.callTime();
        r.calledLast = op;
      }
      if (op.returnTime() < r.earliestReturn) {
        r.earliestReturn = op.returnTime();
        r.returnedFirst = op;
      }
      needed = Math.max(needed, u);
    }
    return walkVersions(slots, reads, needed);
  }

  /** The walk up the versions described in the class comment. */
  private static Result walkVersions(Map<Long, Slot> slots, Map<Long, Reads> reads, long needed) {
    TimeSet wv = TimeSet.CREATION; // where w_v can be; w_0 is the key's creation
    for (long v = 0; ; v++) {
      Slot slot = slots.getOrDefault(v, NO_PUTS);
      if (v >= needed && canEndAt(wv, slot)) {
        return new Result(Verdict.OK, "");
      }
      Reads here = reads.get(v);
      Reads next = reads.get(v + 1);
      List<Operation<KvInput, KvOutput>> writers = new ArrayList<>();
      for (Operation<KvInput, KvOutput> w : slot.writers()) {
        if (next == null || next.value.equals(w.input().value())) {
          writers.add(w);
        }
      }
      if (writers.isEmpty()) {
        return illegal(
            v < needed
                ? "version "
                    + (v + 1)
                    + " must exist (a later put or get needs it), but no put at version "
                    + v
                    + " can have made it"
                    + (next == null ? "" : " with the value \"" + next.value + "\" that gets read")
                : "the key's history cannot end at version "
                    + v
                    + ": a put at version "
                    + v
                    + " was rejected although the key was at version "
                    + v
                    + " for the whole of its call");
      }
      // w_{v+1} comes after every Get of version v is called, before every Get of v+1 returns.
      long earliest = here == null ? NEG_INF : here.latestCall;
      long latest = next == null ? POS_INF : next.earliestReturn;
      TimeSet.Builder nextWv = new TimeSet.Builder();
      for (Operation<KvInput, KvOutput> w : writers) {
        List<Operation<KvInput, KvOutput>> failed = new ArrayList<>(slot.rejected);
        for (Operation<KvInput, KvOutput> m : slot.maybes) {
          if (m != w) {
            failed.add(m);
          }
        }
        Deadlines deadlines = new Deadlines(failed);
        long lo = Math.max(w.callTime(), earliest);
        long hi = Math.min(w.returnTime(), latest);
        for (int i = 0; i < wv.size(); i++) {
          // w_v at s in [a, b], w_{v+1} at t >= s: a failed Put called after s must return at t
          // or later, so t is at most deadlines.after(b) (s = b is the best choice).
          nextWv.add(Math.max(wv.lo(i), lo), Math.min(deadlines.after(wv.hi(i)), hi));
        }
      }
      wv = nextWv.build();
      if (wv.isEmpty()) {
        return illegal(stuck(v, writers, here, next, slot.rejected.size() + slot.maybes.size()));
      }
    }
  }

  /**
   * Whether the history can end at version v, w_v being somewhere in {@code wv}: every Put at
   * version v failed, so each must have been called by the time w_v made the key's version v.
   */
  private static boolean canEndAt(TimeSet wv, Slot slot) {
    long latestCall = NEG_INF;
    boolean any = false;
    for (List<Operation<KvInput, KvOutput>> puts : List.of(slot.maybes, slot.rejected)) {
      for (Operation<KvInput, KvOutput> p : puts) {
        latestCall = Math.max(latestCall, p.callTime());
        any = true;
      }
    }
    return !any || (wv.max() != NEG_INF && latestCall <= wv.max());
  }

  /**
   * For the Puts at version v that failed: given that w_v took effect at s, the latest instant at
   * which w_{v+1} may take effect. A failed Put called after s saw version v from its call on, so
   * w_{v+1} must come by its return: after(s) = min{return : call &gt; s}.
   */
  private static final class Deadlines {
    private final long[] calls; // sorted
    private final long[] minReturnFrom; // minReturnFrom[i] = min return of puts i.. (by call)

    Deadlines(List<Operation<KvInput, KvOutput>> failed) {
      List<Operation<KvInput, KvOutput>> byCall = new ArrayList<>(failed);
      byCall.sort((a, b) -> Long.compare(a.callTime(), b.callTime()));
      calls = new long[byCall.size()];
      minReturnFrom = new long[byCall.size() + 1];
      minReturnFrom[byCall.size()] = POS_INF;
      for (int i = byCall.size() - 1; i >= 0; i--) {
        calls[i] = byCall.get(i).callTime();
        minReturnFrom[i] = Math.min(minReturnFrom[i + 1], byCall.get(i).returnTime());
      }
    }

    long after(long s) {
      int lo = 0;
      int hi = calls.length; // first index with calls[i] > s
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (calls[mid] > s) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      return minReturnFrom[lo];
    }
  }

  /** Why no writer of version v+1 fits: the candidates and the operations that bound them. */
  private static String stuck(
      long v,
      List<Operation<KvInput, KvOutput>> writers,
      Reads here,
      Reads next,
      int otherPutsAtV) {
    StringBuilder s = new StringBuilder("version " + (v + 1) + " cannot have begun at any instant");
    s.append(writers.size() == 1 ? " of " : " of any of ");
    for (int i = 0; i < Math.min(writers.size(), 3); i++) {
      s.append(i == 0 ? "" : ", ").append(describe(writers.get(i)));
    }
    s.append(writers.size() > 3 ? ", ..." : "").append(" that fits");
    if (here != null) {
      s.append(": after ").append(describe(here.calledLast)).append(" was called");
    }
    if (next != null) {
      s.append(here != null ? ", " : ": ").append("before ");
      s.append(describe(next.returnedFirst)).append(" returned");
    }
    return s.append(", after version ")
        .append(v)
        .append(" began, and so that each of the ")
        .append(otherPutsAtV)
        .append(" other puts at version ")
        .append(v)
        .append(" saw another version")
        .toString();
  }

  private static Result illegal(String reason) {
    return new Result(Verdict.ILLEGAL, reason);
  }

  static String describe(Operation<KvInput, KvOutput> op) {
    return KV.describeOperation(op.input(), op.output())
        + " (client "
        + op.clientId()
        + ", "
        + op.callTime()
        + ".."
        + op.returnTime()
        + " ns)";
  }
}
