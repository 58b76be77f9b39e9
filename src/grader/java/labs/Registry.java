package labs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one list of labs, their parts, the test classes of each part and the packages a student owns.
 * Everything that needs it reads it from here: the command line and grading (which parts exist,
 * which tests to run, which packages to take from a submission), the GitHub Classroom workflow and
 * the handouts' points tables (generated from it and checked in {@code make test}), and the variant
 * check.
 *
 * <p>To add a part: write its test class (tag it with the part's name, give each test
 * {@code @Order} and {@code @Points}), add one {@link Part} below, and describe it in the handout.
 * The instructor guide walks through an example.
 */
public final class Registry {
  private Registry() {}

  private static final List<Lab> LABS =
      List.of(
          new Lab(
              2,
              "Key/value server",
              List.of("kvsrv"),
              List.of(
                  new Part(
                      "2A", "key/value server, reliable network", List.of("kvsrv.KvsrvTest2A"), 4),
                  new Part("2B", "lock, reliable network", List.of("kvsrv.lock.LockTest2B"), 4),
                  new Part(
                      "2C",
                      "key/value server, unreliable network",
                      List.of("kvsrv.KvsrvTest2C"),
                      4),
                  new Part("2D", "lock, unreliable network", List.of("kvsrv.lock.LockTest2D"), 4))),
          new Lab(
              3,
              "Raft",
              List.of("raft"),
              List.of(
                  new Part("3A", "leader election", List.of("raft.RaftTest3A"), 6),
                  new Part("3B", "log", List.of("raft.RaftTest3B"), 10),
                  new Part("3C", "persistence", List.of("raft.RaftTest3C"), 12),
                  new Part("3D", "log compaction", List.of("raft.RaftTest3D"), 10))),
          new Lab(
              4,
              "Fault-tolerant key/value service",
              List.of("kvraft"),
              List.of(
                  new Part("4A", "replicated state machine", List.of("kvraft.rsm.RsmTest4A"), 8),
                  new Part(
                      "4B",
                      "key/value service without snapshots",
                      List.of("kvraft.KvRaftTest4B"),
                      8),
                  new Part(
                      "4C",
                      "key/value service with snapshots",
                      List.of("kvraft.KvRaftTest4C", "kvraft.rsm.RsmTest4C"),
                      8))),
          // The given shardkv.shardcfg and shardkv.shardrpc are not the student's: student
          // packages are whole directories, so the sharded clerk is shardkv.client, not shardkv.
          new Lab(
              5,
              "Sharded key/value service",
              List.of("shardkv.shardctrler", "shardkv.shardgrp", "shardkv.client"),
              List.of(
                  new Part(
                      "5A",
                      "controller and shard groups that move shards",
                      List.of("shardkv.ShardKvTest5A"),
                      12),
                  new Part(
                      "5B",
                      "a controller that fails and recovers",
                      List.of("shardkv.ShardKvTest5B"),
                      6),
                  new Part(
                      "5C",
                      "controllers that run at once",
                      List.of("shardkv.ShardKvTest5C"),
                      12))));

  /** Every lab, in order. */
  public static List<Lab> labs() {
    return LABS;
  }

  /** Every part of every lab, in order (2A, 2B, ... 5C). */
  public static List<Part> parts() {
    List<Part> out = new ArrayList<>();
    for (Lab lab : LABS) {
      out.addAll(lab.parts());
    }
    return out;
  }

  /** The names of every part, in order. */
  public static List<String> partNames() {
    return parts().stream().map(Part::name).toList();
  }

  /** The part named {@code name} ({@code 3a} and {@code 3A} alike), if there is one. */
  public static Optional<Part> part(String name) {
    String n = name.toUpperCase(Locale.ROOT);
    return parts().stream().filter(p -> p.name().equals(n)).findFirst();
  }

  /** The lab a part belongs to. */
  public static Lab labOf(Part part) {
    return LABS.stream()
        .filter(l -> l.parts().contains(part))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not a registered part: " + part));
  }

  /** Every package a student owns, over all labs ({@code kvsrv}, {@code raft}, {@code kvraft}). */
  public static List<String> studentPackages() {
    return LABS.stream().flatMap(l -> l.studentPackages().stream()).distinct().toList();
  }

  /** The lab whose student package {@code pkg} is ({@code raft}: lab 3), if any. */
  public static Optional<Lab> labOwning(String pkg) {
    return LABS.stream().filter(l -> l.studentPackages().contains(pkg)).findFirst();
  }

  /** Every test class of every part. */
  public static List<String> testClasses() {
    return parts().stream().flatMap(p -> p.testClasses().stream()).toList();
  }
}
