package grading.scan;

import java.util.List;
import java.util.Set;

/**
 * One thing the scan looks for: a reference to a class ({@code owner}, in the JVM's internal form
 * such as {@code java/lang/System}, or a package prefix ending in {@code /}), to some of its
 * members or to all of them.
 *
 * @param name what it is, as the grading output says it
 * @param owners classes (or package prefixes ending in {@code /}) the rule covers
 * @param members the member names it covers; empty means every member and the class itself
 */
public record Rule(String name, List<String> owners, Set<String> members) {

  /** Every reference to these classes or packages. */
  static Rule anyUse(String name, String... owners) {
    return new Rule(name, List.of(owners), Set.of());
  }

  /** Calls of (or references to) these members of {@code owner}. */
  static Rule members(String name, String owner, String... members) {
    return new Rule(name, List.of(owner), Set.of(members));
  }

  /** Whether a reference to {@code owner} (and member {@code member}, null for the class) hits. */
  boolean matches(String owner, String member) {
    boolean ownerHit =
        owners.stream().anyMatch(o -> o.endsWith("/") ? owner.startsWith(o) : owner.equals(o));
    if (!ownerHit) {
      return false;
    }
    return members.isEmpty() || (member != null && members.contains(member));
  }
}
