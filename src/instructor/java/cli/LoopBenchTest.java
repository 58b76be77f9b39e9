package cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's edit: one line that the edited class prints when loaded, replaced each time. */
class LoopBenchTest {
  @Test
  void eachEditReplacesTheMarkOfTheOneBefore(@TempDir Path dir) throws Exception {
    Path raft = dir.resolve("Raft.java");
    String original =
        "package raft;\n\n/** The {@code Raft} class {@link x}. */\npublic class Raft implements"
            + " raftapi.Raft {\n  int term;\n}\n";
    Files.writeString(raft, original);

    LoopBench.markEdit(raft, 1);
    LoopBench.markEdit(raft, 2);

    assertEquals(
        original.replace(
            "raftapi.Raft {\n",
            "raftapi.Raft {\n  static { System.out.println(\"raftlab-bench-edit 2\"); }\n"),
        Files.readString(raft));
  }
}
