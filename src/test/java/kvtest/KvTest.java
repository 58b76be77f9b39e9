package kvtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import kvapi.Err;
import kvapi.IKVClerk;
import porcupine.Annotation;
import porcupine.CheckResult;
import porcupine.LinearizationInfo;
import porcupine.Operation;
import porcupine.Visualizer;
import raftapi.Raft.State;
import tester.Config;
import tester.Guard;
import tester.ServerGrp;

/**
 * The key/value tester shared by the Lab 2 and Lab 4 tests, the Java port of {@code
 * kvtest1/kvtest.go} and {@code kvtest1/porcupine.go}: clerk operations recorded for the
 * linearizability check, the concurrent-put clients, the partitioner, and the checks, with Go's
 * names and messages.
 *
 * <ul>
 *   <li>{@link #get} and {@link #put}: one clerk operation, timed and logged for porcupine;
 *   <li>{@link #putAtLeastOnce}, {@link #checkGet}: a Put that is retried until it is known to have
 *       happened, and a Get that must return a value;
 *   <li>{@link #spawnClientsAndWait}, {@link #oneClientPut}, {@link #checkPutConcurrent}: clients
 *       racing to put one key, and the count of versions against their results;
 *   <li>{@link #partitioner}: splits the servers in two at random every second or so;
 *   <li>{@link #checkPorcupine()}: the history so far must be linearizable (decided by the keys'
 *       versions, with Porcupine and its 1 s for what they leave open).
 * </ul>
 */
public abstract class KvTest extends Config {
  /** The tester generously allows solutions to complete elections in one second. */
  public static final int ELECTION_TIMEOUT = 1000;

  static final Duration LINEARIZABILITY_CHECK_TIMEOUT = Duration.ofSeconds(1);

  private final OpLog oplog = new OpLog();
  // Counted for the line at the end of the test: a check that gives up passes silently otherwise.
  private final AtomicInteger checksRun = new AtomicInteger();
  private final AtomicInteger checksGaveUp = new AtomicInteger();
  protected final boolean randomkeys;

  protected KvTest(boolean randomkeys) {
    this.randomkeys = randomkeys;
  }

  /** A new clerk that may reach every server (Go's IClerkMaker.MakeClerk). */
  public abstract IKVClerk makeClerk();

  /** Removes a clerk's ends from the network. */
  public void deleteClerk(IKVClerk ck) {
    if (ck instanceof TestClerk tck) {
      deleteClient(tck.clnt);
    }
  }

  /** Go's {@code rsm.Leader}: whether a server of group {@code gid} thinks it leads, and which. */
  public record Leader(boolean found, int server) {}

  public static Leader leader(Config cfg, int gid) {
    ServerGrp g = cfg.group(gid);
    for (int i = 0; i < g.n(); i++) {
      for (Object svc : g.services(i)) {
        if (svc instanceof raftapi.Raft r) {
          int server = i;
          State st = Guard.call("Raft.getState() on server " + server, r::getState);
          cfg.electionSafety().observe(gid, server, st.term(), st.isLeader());
          if (st.isLeader()) {
            return new Leader(true, i);
          }
        }
      }
    }
    return new Leader(false, 0);
  }

  // ---- clerk operations, logged for porcupine --------------------------------------------------

  /** One Get through {@code ck}, logged for the linearizability check (client id {@code cli}). */
  public IKVClerk.GetResult get(IKVClerk ck, String key, int cli) {
    long start = events().now();
    IKVClerk.GetResult r = ck.get(key);
    long end = events().now();
    op();
    if (r == null || r.err() == null || r.value() == null) {
      throw fatalf(
          "Clerk.get(%s) returned %s: return a GetResult with a value (\"\" if none), a"
              + " version and an Err",
          key, r);
    }
    if (r.err() != Err.OK && r.err() != Err.ErrNoKey) {
      throw fatalf(
          "Clerk.get(%s) returned %s: a clerk's get returns OK or ErrNoKey, and keeps"
              + " trying other servers on any other answer",
          key, r.err());
    }
    oplog.append(
        new Operation<>(
            cli,
            KvInput.get(key),
            start,
            KvOutput.got(r.value(), r.version(), r.err().name()),
            end));
    return r;
  }

  /** One Put through {@code ck}, logged for the linearizability check (client id {@code cli}). */
  public Err put(IKVClerk ck, String key, String value, long version, int cli) {
    long start = events().now();
    Err err = ck.put(key, value, version);
    long end = events().now();
    op();
    if (err == null) {
      throw fatalf("Clerk.put(%s, ...) returned null: return an Err", key);
    }
    if (err == Err.ErrWrongLeader || err == Err.ErrWrongGroup) {
      throw fatalf(
          "Clerk.put(%s, ...) returned %s: a clerk's put returns OK, ErrVersion, ErrNoKey"
              + " or ErrMaybe, and keeps trying other servers until a leader answers",
          key, err);
    }
    oplog.append(
        new Operation<>(
            cli, KvInput.put(key, value, version), start, KvOutput.put(err.name()), end));
    return err;
  }

  /**
   * Puts until the Put is known to have happened (retrying with the next version after ErrMaybe or
   * ErrVersion); returns the key's version after it.
   */
  public long putAtLeastOnce(IKVClerk ck, String key, String value, long ver, int me) {
    while (true) {
      Err err = put(ck, key, value, ver, me);
      if (err == Err.OK) {
        ver += 1;
        break;
      }
      if (err == Err.ErrMaybe || err == Err.ErrVersion) {
        ver += 1;
      } else if (ver != 0) {
        // ErrNoKey is expected only for a first put with version 0, which is then retried.
        throw fatalf("Put %s ver %d err %s", key, ver, err);
      }
    }
    events().tester("Put(" + key + ", " + value + ") completes at version " + ver);
    return ver;
  }

  /** Gets {@code key}, which must succeed with {@code value} at {@code version}. */
  public void checkGet(IKVClerk ck, String key, String value, long version) {
    IKVClerk.GetResult r = get(ck, key, 0);
    if (r.err() != Err.OK) {
      throw fatalf("Get(%s) returns error = %s", key, r.err());
    }
    if (!r.value().equals(value) || r.version() != version) {
      throw fatalf(
          "Get(%s) returns (%s, %d) != (%s, %d)", key, r.value(), r.version(), value, version);
    }
  }

  /**
   * Checks the key's version against the clients' results: on a network that was reliable, without
   * crashes or partitions, it must equal the OK Puts; otherwise it may not exceed the OK and maybe
   * Puts.
   */
  public void checkPutConcurrent(
      IKVClerk ck, String key, List<ClntRes> rs, ClntRes res, boolean reliable) {
    long ver0 = getJson(ck, key, -1).version;
    for (ClntRes r : rs) {
      res.nok += r.nok;
      res.nmaybe += r.nmaybe;
    }
    if (reliable) {
      if (ver0 != res.nok) {
        throw fatalf("Reliable: Wrong number of puts: server %d clnts %s", ver0, res);
      }
    } else if (ver0 > res.nok + res.nmaybe) {
      throw fatalf("Unreliable: Wrong number of puts: server %d clnts %s", ver0, res);
    }
  }

  /** A client's body: client number, its clerk, and the flag that says stop. */
  @FunctionalInterface
  public interface Fclnt {
    ClntRes run(int cli, IKVClerk ck, AtomicBoolean done);
  }

  /** Runs {@code nclnt} clients, each with its own clerk, for {@code ms}; returns their results. */
  public List<ClntRes> spawnClientsAndWait(int nclnt, long ms, Fclnt fn) {
    ClntRes[] results = new ClntRes[nclnt];
    AtomicBoolean done = new AtomicBoolean();
    List<Thread> threads = new ArrayList<>();
    for (int cli = 0; cli < nclnt; cli++) {
      int me = cli;
      threads.add(
          go(
              "client-" + cli,
              () -> {
                IKVClerk ck = makeClerk();
                results[me] = fn.run(me, ck, done);
                deleteClerk(ck);
              }));
    }
    sleep(ms);
    done.set(true);
    join(threads);
    return List.of(results);
  }

  /** A Get whose value must be an {@link EntryV}; returns it with the key's version. */
  private record Versioned(EntryV entry, long version) {}

  private Versioned getJson(IKVClerk ck, String key, int me) {
    IKVClerk.GetResult r = get(ck, key, me);
    if (r.err() != Err.OK) {
      throw fatalf("%d: Get \"%s\" err %s", me, key, r.err());
    }
    EntryV e = EntryV.fromJson(r.value());
    if (e == null) {
      throw fatalf("Unmarshal err %d", r.version());
    }
    return new Versioned(e, r.version());
  }

  private Err putJson(IKVClerk ck, String key, EntryV v, long ver, int me) {
    return put(ck, key, v.toJson(), ver, me);
  }

  /** Puts the number {@code v} as JSON (Go's {@code PutJson} with an int), logged for porcupine. */
  public Err putJson(IKVClerk ck, String key, int v, long ver, int me) {
    return put(ck, key, Integer.toString(v), ver, me);
  }

  /** A number read with {@link #getJsonInt}, and the key's version. */
  public record IntVersioned(int value, long version) {}

  /** A Get whose value must be a JSON number (Go's {@code GetJson} into an int). */
  public IntVersioned getJsonInt(IKVClerk ck, String key, int me) {
    IKVClerk.GetResult r = get(ck, key, me);
    if (r.err() != Err.OK) {
      throw fatalf("%d: Get \"%s\" err %s", me, key, r.err());
    }
    try {
      return new IntVersioned(Integer.parseInt(r.value()), r.version());
    } catch (NumberFormatException e) {
      throw fatalf("Unmarshal err %d", r.version());
    }
  }

  /** A random string of {@code n} letters (Go's {@code kvtest.RandValue}). */
  public static String randValue(int n) {
    final String letterBytes = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    java.util.Random r = java.util.concurrent.ThreadLocalRandom.current();
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append(letterBytes.charAt(r.nextInt(letterBytes.length())));
    }
    return b.toString();
  }

  /** The result of {@link #onePut}: the key's version afterwards, and whether the Put was OK. */
  public record PutOutcome(long version, boolean ok) {}

  /** Puts until one Put succeeds (OK) or may have (ErrMaybe), while others put the same key. */
  public PutOutcome onePut(int me, IKVClerk ck, String key, long ver) {
    while (true) {
      Err err = putJson(ck, key, new EntryV(me, ver), ver, me);
      if (!(err == Err.OK || err == Err.ErrVersion || err == Err.ErrMaybe)) {
        throw fatalf("Wrong error %s", err);
      }
      Versioned got = getJson(ck, key, me);
      if (err == Err.OK && got.version == ver + 1) { // my put?
        if (got.entry.id() != me && got.entry.v() != ver) {
          throw fatalf("Wrong value %s", got.entry);
        }
      }
      ver = got.version;
      if (err == Err.OK || err == Err.ErrMaybe) {
        return new PutOutcome(ver, err == Err.OK);
      }
    }
  }

  /** Repartitions the servers of group {@code gid} at random about every second until stopped. */
  public void partitioner(int gid, AtomicBoolean stop) {
    ServerGrp g = group(gid);
    while (!stop.get()) {
      int n = g.n();
      int[] side = new int[n];
      for (int i = 0; i < n; i++) {
        side[i] = rand.nextInt(2);
      }
      List<Integer> p0 = new ArrayList<>();
      List<Integer> p1 = new ArrayList<>();
      for (int j = 0; j < n; j++) {
        (side[j] == 0 ? p0 : p1).add(j);
      }
      g.partition(p0.stream().mapToInt(x -> x).toArray(), p1.stream().mapToInt(x -> x).toArray());
      sleepUnless(stop, ELECTION_TIMEOUT + rand.nextInt(200));
    }
  }

  private void sleepUnless(AtomicBoolean stop, long ms) {
    long deadline = System.nanoTime() + ms * 1_000_000;
    while (!stop.get() && System.nanoTime() < deadline) {
      sleep(Math.min(20, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
    }
  }

  /** One client doing {@link #onePut} on its keys until {@code done}. */
  public ClntRes oneClientPut(int cli, IKVClerk ck, List<String> ka, AtomicBoolean done) {
    ClntRes res = new ClntRes();
    Map<String, Long> verm = new HashMap<>();
    for (String k : ka) {
      verm.put(k, 0L);
    }
    Random r = new Random(rand.nextLong());
    while (!done.get()) {
      String k = ka.get(0);
      if (randomkeys) {
        k = ka.get(r.nextInt(ka.size()));
      }
      PutOutcome o = onePut(cli, ck, k, verm.get(k));
      verm.put(k, o.version());
      if (o.ok()) {
        res.nok += 1;
      } else {
        res.nmaybe += 1;
      }
    }
    return res;
  }

  /** Keys and their values, as {@link #spreadPuts} put them. */
  public record KeysValues(List<String> ka, List<String> va) {}

  /**
   * Puts {@code n} keys ({@link #makeKeys}) with random values of {@code valsz} characters at
   * version 0, then checks that each reads back at version 1 (Go's {@code SpreadPutsSize}; as in
   * Go, the Puts' own answers are not checked, the Gets are). Unlike Go's, the Puts are logged for
   * the linearizability check, as the Gets are: a test that checks both these keys and
   * linearizability (5C's partition recoveries with clerks) must not find Gets of values that no
   * logged Put wrote.
   */
  public KeysValues spreadPutsSize(IKVClerk ck, int n, int valsz) {
    List<String> ka = makeKeys(n);
    List<String> va = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      va.add(randstringSeeded(valsz));
      long start = events().now();
      Err err = ck.put(ka.get(i), va.get(i), 0);
      long end = events().now();
      if (err != null) {
        oplog.append(
            new Operation<>(
                0, KvInput.put(ka.get(i), va.get(i), 0), start, KvOutput.put(err.name()), end));
      }
    }
    for (int i = 0; i < n; i++) {
      checkGet(ck, ka.get(i), va.get(i), 1);
    }
    return new KeysValues(ka, va);
  }

  /** {@link #spreadPutsSize} with values of 20 characters (Go's {@code SpreadPuts}). */
  public KeysValues spreadPuts(IKVClerk ck, int n) {
    return spreadPutsSize(ck, n, 20);
  }

  /** Keys k0 .. k(n-1). */
  public static List<String> makeKeys(int n) {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      keys.add("k" + i);
    }
    return keys;
  }

  // ---- linearizability -------------------------------------------------------------------------

  /**
   * The history so far must be linearizable. Keys are decided by following their versions ({@link
   * KvLinearizability}); Porcupine, for the few keys that this leaves undecided, gets 1 s before it
   * says "unknown".
   */
  public void checkPorcupine() {
    checkPorcupineT(LINEARIZABILITY_CHECK_TIMEOUT);
  }

  public void checkPorcupineT(Duration timeout) {
    List<Operation<KvInput, KvOutput>> ops = oplog.read();
    events().checkerBegin("checking linearizability of " + ops.size() + " operations");
    KvLinearizability.Outcome outcome = KvLinearizability.check(ops, timeout);
    checksRun.incrementAndGet();
    switch (outcome.result()) {
      case OK -> events().checkerEnd("linearizable", "", true);
      case ILLEGAL -> events().checkerEnd("not linearizable", "", false);
      default -> events().checkerEnd("gave up", "no verdict within " + timeout, null);
    }
    saveHistory(ops);
    String enabled = setting("VIS_ENABLE");
    if (outcome.result() == CheckResult.ILLEGAL) {
      for (String violation : outcome.violations()) {
        System.out.println("info: linearizability: " + violation);
      }
      if (!"never".equals(enabled)) {
        LinearizationInfo<KvInput, KvOutput> info = KvLinearizability.explain(ops, timeout);
        // Porcupine may not finish where the version check did: the page says what it found.
        info.addAnnotations(violationAnnotations(ops, outcome.violations()));
        writeVisualization(info);
      }
      throw fatalf("history is not linearizable");
    } else if (outcome.result() == CheckResult.UNKNOWN) {
      checksGaveUp.incrementAndGet();
      System.out.println("info: linearizability check timed out, assuming history is ok");
    }
    if ("always".equals(enabled)) {
      writeVisualization(KvLinearizability.explain(ops, timeout));
    }
  }

  /**
   * Ends the test with the count of linearizability checks and of those that gave up at the time
   * limit (Go prints only the "timed out" line, easy to miss among a test's output), then cleans up
   * as every tester does.
   */
  @Override
  protected void cleanup() {
    if (checksRun.get() > 0) {
      System.out.printf(
          "info: %d linearizability checks, %d gave up at the time limit%n",
          checksRun.get(), checksGaveUp.get());
    }
    super.cleanup();
  }

  /** Go's environment variables VIS_ENABLE and VIS_FILE, or -Draftlab.vis.enable / .file. */
  private static String setting(String env) {
    String prop = System.getProperty("raftlab." + env.toLowerCase().replace('_', '.'));
    return prop != null ? prop : System.getenv(env);
  }

  private void writeVisualization(LinearizationInfo<KvInput, KvOutput> info) {
    info.addAnnotations(annotations());
    try {
      String fpath = setting("VIS_FILE");
      Path file;
      if (fpath == null || fpath.isEmpty()) {
        Path dir = Path.of(System.getProperty("raftlab.artifacts", "target/timelines"));
        Files.createDirectories(dir);
        file = Files.createTempFile(dir, "porcupine-", ".html");
      } else {
        file = Path.of(fpath);
      }
      Visualizer.visualizeToFile(new KvModel(), info, file);
      System.out.println("info: wrote history visualization to " + file.toAbsolutePath());
    } catch (IOException | RuntimeException e) {
      System.out.println("info: failed to write history visualization (" + e + ")");
    }
  }

  /**
   * With KV_HISTORY_DIR (or -Draftlab.kv.history.dir) set, writes each checked history there as
   * text ({@link KvHistoryFile}): how the benchmark's Lab 4 history was recorded.
   */
  private static void saveHistory(List<Operation<KvInput, KvOutput>> ops) {
    String dir = setting("KV_HISTORY_DIR");
    if (dir == null || dir.isEmpty()) {
      return;
    }
    try {
      Path file = Files.createTempFile(Files.createDirectories(Path.of(dir)), "kv-", ".txt");
      KvHistoryFile.write(ops, file);
      System.out.println("info: wrote the history (" + ops.size() + " ops) to " + file);
    } catch (IOException e) {
      System.out.println("info: failed to write the history (" + e + ")");
    }
  }

  /** The version check's findings, as red bars across the whole history. */
  private static List<Annotation> violationAnnotations(
      List<Operation<KvInput, KvOutput>> ops, List<String> violations) {
    long first = ops.stream().mapToLong(Operation::callTime).min().orElse(0);
    long last = ops.stream().mapToLong(Operation::returnTime).max().orElse(first);
    List<Annotation> out = new ArrayList<>();
    for (String v : violations) {
      out.add(new Annotation("version check", first, last, "not linearizable: " + v, v, "#c00"));
    }
    return out;
  }

  /**
   * The tester's events (begin, partitions, crashes, restarts), its checkers' intervals and the
   * marks of the code under test ({@code debug.Annotate}) as annotations for the page.
   */
  private List<Annotation> annotations() {
    long end = events().now();
    return PageAnnotations.of(events().events(), events().marks(end), end);
  }
}
