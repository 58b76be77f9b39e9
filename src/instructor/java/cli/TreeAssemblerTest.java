package cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pristine tree with the student's packages from elsewhere, rewritten only where it differs.
 */
class TreeAssemblerTest {
  @TempDir Path tmp;

  private Path write(String rel, String text) throws Exception {
    Path p = tmp.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  @Test
  void studentPackagesComeFromTheOverlayAndTheRestFromThePristineTree() throws Exception {
    write("pristine/raft/Raft.java", "skeleton");
    write("pristine/raft/Skeleton.java", "only in the skeleton");
    write("pristine/kvraft/KVServer.java", "skeleton kv");
    write("pristine/labrpc/Network.java", "given");
    write("overlay/raft/Raft.java", "solution");
    write("overlay/labrpc/Network.java", "a student's edit of a given file: ignored");
    Path out = tmp.resolve("out");

    TreeAssembler.assemble(tmp.resolve("pristine"), tmp.resolve("overlay"), out);

    assertEquals("solution", Files.readString(out.resolve("raft/Raft.java")));
    assertFalse(Files.exists(out.resolve("raft/Skeleton.java")));
    assertEquals("skeleton kv", Files.readString(out.resolve("kvraft/KVServer.java")));
    assertEquals("given", Files.readString(out.resolve("labrpc/Network.java")));
  }

  @Test
  void anUnchangedTreeIsLeftAloneAndStaleFilesGo() throws Exception {
    write("pristine/labrpc/Network.java", "given");
    Path solution = write("overlay/raft/Raft.java", "solution");
    Files.setLastModifiedTime(solution, FileTime.fromMillis(1_000_000_000_000L));
    Path out = tmp.resolve("out");
    TreeAssembler.assemble(tmp.resolve("pristine"), tmp.resolve("overlay"), out);
    assertEquals(
        1_000_000_000_000L, Files.getLastModifiedTime(out.resolve("raft/Raft.java")).toMillis());
    Path stale = write("out/raft/Old.java", "removed from the solution");
    FileTime before = Files.getLastModifiedTime(out.resolve("labrpc/Network.java"));

    TreeAssembler.assemble(tmp.resolve("pristine"), tmp.resolve("overlay"), out);

    assertFalse(Files.exists(stale));
    assertEquals(before, Files.getLastModifiedTime(out.resolve("labrpc/Network.java")));
    assertTrue(Files.exists(out.resolve("raft/Raft.java")));
  }
}
