package docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The handouts' points tables and the Classroom workflow say what the registry says. */
class RegistryDocumentsTest {

  @Test
  void everyGeneratedPartOfTheDocumentsAgreesWithTheRegistry() throws Exception {
    GeneratedSections sections = RegistryDocuments.sections();
    List<GeneratedSections.Drift> drifts = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (Path file : RegistryDocuments.documents(Path.of("."))) {
      drifts.addAll(sections.check(file));
      seen.addAll(sections.sectionsIn(file));
    }
    assertTrue(seen.contains("classroom-steps"), "the Classroom workflow has no generated steps");
    assertTrue(seen.contains("points-table"), "no document has a points table");
    assertEquals(List.of(), drifts);
  }

  @Test
  void aChangedPointValueIsCaughtAndRewritten(@TempDir Path dir) throws Exception {
    // Set up: a document whose table says 3A is worth 15, as the guide once did.
    Path doc = dir.resolve("guide.md");
    String good = RegistryDocuments.pointsTable("part", "what", "tests", "points");
    Files.writeString(
        doc,
        "intro\n<!-- registry:points-table -->\n"
            + good.replace("| 6 | 30 |", "| 6 | 15 |")
            + "<!-- /registry:points-table -->\nend\n");
    GeneratedSections sections = RegistryDocuments.sections();

    // Check: the drift is found, and writing restores the registry's numbers.
    assertEquals(1, sections.check(doc).size());
    assertTrue(sections.write(doc));
    assertTrue(Files.readString(doc).contains("| 3A | leader election | 6 | 30 |"));
    assertFalse(sections.write(doc));
    assertTrue(
        Files.readString(doc).startsWith("intro\n") && Files.readString(doc).endsWith("end\n"));
  }

  @Test
  void anUnknownOrUnclosedSectionIsAnError(@TempDir Path dir) throws Exception {
    Path unknown = dir.resolve("a.md");
    Files.writeString(
        unknown, "<!-- registry:no-such-table -->\n<!-- /registry:no-such-table -->\n");
    assertThrows(IllegalStateException.class, () -> RegistryDocuments.sections().check(unknown));
    Path unclosed = dir.resolve("b.md");
    Files.writeString(unclosed, "<!-- registry:points-table -->\n| stale |\n");
    assertThrows(IllegalStateException.class, () -> RegistryDocuments.sections().check(unclosed));
  }
}
