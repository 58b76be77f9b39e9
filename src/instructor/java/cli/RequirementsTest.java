package cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The set-up checks: versions read right, and each problem named in one line with its fix. */
class RequirementsTest {
  @Test
  void javaVersionsOfEveryStyle() {
    assertEquals(8, Requirements.javaFeature("1.8.0_392"));
    assertEquals(8, Requirements.javaFeature("1.8"));
    assertEquals(11, Requirements.javaFeature("11.0.2"));
    assertEquals(17, Requirements.javaFeature("17"));
    assertEquals(21, Requirements.javaFeature("21-ea"));
    assertEquals(25, Requirements.javaFeature("25.0.1"));
    assertEquals(0, Requirements.javaFeature("unknown"));
  }

  @Test
  void anOldJavaAJreAndAnOldJavaHomeAreEachOneLine() {
    String old = Requirements.javaProblem(11, null, true);
    assertTrue(
        old.startsWith("the java on your PATH is Java 11; raftlab needs a JDK 17 or newer"), old);
    String home = Requirements.javaProblem(8, "/usr/lib/jvm/java-8", true);
    assertTrue(home.startsWith("JAVA_HOME (/usr/lib/jvm/java-8) is Java 8;"), home);
    String jre = Requirements.javaProblem(17, null, false);
    assertTrue(jre.contains("without javac (a JRE)"), jre);
    assertNull(Requirements.javaProblem(17, null, true));
    assertNull(Requirements.javaProblem(25, "/opt/jdk-25", true));
    for (String s : new String[] {old, home, jre}) {
      assertTrue(!s.contains("\n"), s);
    }
  }

  @Test
  void mavenVersionOutputIsChecked() {
    String ok =
        "Apache Maven 3.8.7\nMaven home: /usr/share/maven\n"
            + "Java version: 17.0.15, vendor: Debian, runtime: /usr/lib/jvm/java-17-openjdk-amd64\n";
    assertNull(Requirements.mavenProblem(ok));
    assertNull(Requirements.mavenProblem(ok.replace("3.8.7", "3.6.3")));
    assertNull(Requirements.mavenProblem(ok.replace("3.8.7", "4.0.0-rc-4")));
    String old = Requirements.mavenProblem(ok.replace("3.8.7", "3.6.0"));
    assertTrue(old.startsWith("Maven 3.6.0 is too old; raftlab needs Maven 3.6.3 or newer"), old);
    String java =
        Requirements.mavenProblem(
            ok.replace("17.0.15", "11.0.2").replace("java-17-openjdk-amd64", "java-11"));
    assertTrue(
        java.startsWith("Maven runs on Java 11 (/usr/lib/jvm/java-11), because of" + " JAVA_HOME"),
        java);
  }

  @Test
  void versionsCompareNumerically() {
    assertTrue(Requirements.compareVersions("3.10.0", "3.6.3") > 0);
    assertTrue(Requirements.compareVersions("3.6", "3.6.3") < 0);
    assertEquals(0, Requirements.compareVersions("3.6.3", "3.6.3"));
  }
}
