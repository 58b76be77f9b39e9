package docs;

import java.util.List;
import java.util.function.Supplier;
import labs.AllowedApis;
import labs.Lab;
import labs.Registry;

/**
 * The handouts' "What a solution may use": each lab's allow-list ({@link AllowedApis}) as the
 * grader reads it, generated into the marked part {@code allowed-apis-labN} of a document, so that
 * the list a student reads is the list the scan checks.
 */
final class AllowedApisDocument {
  private AllowedApisDocument() {}

  /** The generator of each lab's section, by section name. */
  static java.util.Map<String, Supplier<String>> generators() {
    java.util.Map<String, Supplier<String>> out = new java.util.LinkedHashMap<>();
    for (Lab lab : Registry.labs()) {
      out.put("allowed-apis-lab" + lab.number(), () -> block(lab));
    }
    return out;
  }

  /** The patterns of {@code lab}, in a code block, with the students' own packages first. */
  static String block(Lab lab) {
    StringBuilder sb = new StringBuilder("```\n");
    sb.append("# your own packages\n");
    for (String p : Registry.studentPackages()) {
      sb.append(p).append(".**\n");
    }
    List<String> patterns = lab.allowedApis();
    for (String p : patterns) {
      sb.append(p).append('\n');
    }
    return sb.append("```\n").toString();
  }
}
