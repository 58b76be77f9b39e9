package cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Classpaths, argument files and the search for mvn, with Windows' separators as well. */
class JvmArgsTest {
  @TempDir Path tmp;

  @Test
  void classpathsUseThePlatformsSeparator() {
    List<String> entries =
        List.of(
            "C:\\Users\\Ada Lovelace\\raftlab\\target\\cli\\given.jar",
            "C:\\Users\\Ada Lovelace\\.m2\\repository\\junit.jar");
    assertEquals(
        "C:\\Users\\Ada Lovelace\\raftlab\\target\\cli\\given.jar;"
            + "C:\\Users\\Ada Lovelace\\.m2\\repository\\junit.jar",
        JvmArgs.classpath(entries, ";"));
    assertEquals("a.jar:b", JvmArgs.classpath(List.of("a.jar", "b"), ":"));
  }

  @Test
  void windowsPathsSurviveTheArgFile() {
    List<String> args =
        List.of(
            "-XX:SharedArchiveFile=C:\\Users\\Ada Lovelace\\app.jsa",
            "-Draftlab.root=C:\\Users\\Ada Lovelace\\raftlab",
            "-cp",
            "target\\cli\\boot.jar;C:\\Users\\Ada Lovelace\\given.jar",
            "quote\"inside");
    String text = JvmArgs.argFile(args, "\r\n");
    assertEquals(
        "\"-XX:SharedArchiveFile=C:\\\\Users\\\\Ada Lovelace\\\\app.jsa\"\r\n",
        text.lines().findFirst().orElseThrow() + "\r\n");
    assertEquals(args, JvmArgs.parseArgFile(text));
    assertEquals(
        List.of("-cp", "/home/ada/x y/a.jar:/b.jar"),
        JvmArgs.parseArgFile(JvmArgs.argFile(List.of("-cp", "/home/ada/x y/a.jar:/b.jar"), "\n")));
  }

  @Test
  void mavenIsFoundOnThePathAsMvnOrMvnCmd() throws Exception {
    Path unix = Files.createDirectories(tmp.resolve("maven/bin"));
    Path windows = Files.createDirectories(tmp.resolve("Maven 3.9/bin"));
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    Files.writeString(unix.resolve("mvn"), "");
    Files.writeString(windows.resolve("mvn.cmd"), "");
    assertEquals(
        unix.resolve("mvn").toString(), MavenBuild.findMaven(empty + ":" + unix, ":", false));
    assertEquals(
        windows.resolve("mvn.cmd").toString(),
        MavenBuild.findMaven(empty + ";" + unix + ";" + windows, ";", true));
    assertNull(MavenBuild.findMaven(empty.toString(), ":", false));
    assertNull(MavenBuild.findMaven(null, ":", false));
  }
}
