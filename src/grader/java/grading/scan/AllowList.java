package grading.scan;

import java.util.ArrayList;
import java.util.List;

/**
 * The allow-list the scan checks every reference against, compiled from the patterns of {@link
 * labs.AllowedApis} (where their syntax is described) plus the students' own packages and any an
 * instructor adds. A reference is a class in the JVM's internal form ({@code java/lang/System}), a
 * member name ({@code exit}, or null for the class itself) and, for methods, its descriptor.
 */
public final class AllowList {
  private final List<Entry> entries;

  private AllowList(List<Entry> entries) {
    this.entries = entries;
  }

  /** The list of these patterns. */
  public static AllowList of(List<String> patterns) {
    List<Entry> out = new ArrayList<>();
    for (String p : patterns) {
      String s = p.strip();
      if (!s.isEmpty()) {
        out.add(Entry.parse(s));
      }
    }
    return new AllowList(List.copyOf(out));
  }

  /** Whether code may refer to {@code owner} (and its member {@code member}, if not null). */
  public boolean allows(String owner, String member, String descriptor) {
    return decide(owner, member, descriptor, false);
  }

  /** Whether {@code owner.member} may be the bootstrap method of an invokedynamic. */
  public boolean allowsBootstrap(String owner, String member, String descriptor) {
    return decide(owner, member, descriptor, true);
  }

  private boolean decide(String owner, String member, String descriptor, boolean bootstrap) {
    Entry best = null;
    for (Entry e : entries) {
      if (e.bootstrapOnly() && !bootstrap) {
        continue;
      }
      int s = e.specificity(owner, member, descriptor);
      if (s < 0) {
        continue;
      }
      if (best == null
          || s > best.specificity(owner, member, descriptor)
          || (s == best.specificity(owner, member, descriptor) && !e.allow())) {
        best = e;
      }
    }
    return best != null && best.allow();
  }

  /**
   * One pattern. {@code kind}: a package tree, a package, a class, or a member; {@code name}: the
   * package or class in internal form; {@code member}: the member name and optional descriptor
   * prefix.
   */
  private record Entry(
      boolean allow, boolean bootstrapOnly, Kind kind, String name, String member) {
    enum Kind {
      TREE,
      PACKAGE,
      CLASS,
      MEMBER
    }

    static Entry parse(String pattern) {
      boolean allow = !pattern.startsWith("!");
      boolean bootstrap = pattern.startsWith("@");
      String p = allow && !bootstrap ? pattern : pattern.substring(1);
      int hash = p.indexOf('#');
      if (hash >= 0) {
        return new Entry(
            allow,
            bootstrap,
            Kind.MEMBER,
            p.substring(0, hash).replace('.', '/'),
            p.substring(hash + 1));
      }
      if (p.endsWith(".**")) {
        return new Entry(
            allow, bootstrap, Kind.TREE, p.substring(0, p.length() - 3).replace('.', '/'), null);
      }
      if (p.endsWith(".*")) {
        return new Entry(
            allow, bootstrap, Kind.PACKAGE, p.substring(0, p.length() - 2).replace('.', '/'), null);
      }
      return new Entry(allow, bootstrap, Kind.CLASS, p.replace('.', '/'), null);
    }

    /** How specifically this entry covers the reference; -1 if it does not cover it. */
    int specificity(String owner, String refMember, String descriptor) {
      return switch (kind) {
        case TREE -> owner.startsWith(name + "/") ? name.length() : -1;
        case PACKAGE -> packageOf(owner).equals(name) ? 1000 + name.length() : -1;
        case CLASS ->
            owner.equals(name) || owner.startsWith(name + "$") ? 2000 + name.length() : -1;
        case MEMBER -> memberMatches(owner, refMember, descriptor) ? 3000 + member.length() : -1;
      };
    }

    private boolean memberMatches(String owner, String refMember, String descriptor) {
      if (!owner.equals(name)) {
        return false;
      }
      if (member.isEmpty() || refMember == null) {
        return member.isEmpty() && refMember == null; // "Class#": the class itself, no member
      }
      int paren = member.indexOf('(');
      if (paren < 0) {
        return member.equals(refMember);
      }
      return (refMember + (descriptor == null ? "" : descriptor)).startsWith(member);
    }

    private static String packageOf(String internal) {
      int slash = internal.lastIndexOf('/');
      return slash < 0 ? "" : internal.substring(0, slash);
    }
  }
}
