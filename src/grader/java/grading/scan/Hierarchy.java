package grading.scan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which class really declares a member that code names through another class. javac names a call by
 * the class it was written against, not the class that declares the method: {@code
 * ForkJoinWorkerThread.getAllStackTraces()} compiles to a call "of" ForkJoinWorkerThread (allowed,
 * java.util.concurrent), and {@code getAllStackTraces()} inside a student's subclass of Thread to a
 * call of the student's own class. The scan checks the declaring class as well, found here: the
 * student's classes from their class files (they are never loaded into the grader), every other
 * class from the grader's own class path (the JDK and the given packages), loaded without being
 * initialized.
 */
final class Hierarchy {
  /** What the scan knows of one of the student's classes. */
  record Known(String superName, List<String> interfaces, Set<String> members) {}

  private final Map<String, Known> student;
  private final Map<String, Optional<Known>> loaded = new HashMap<>();

  Hierarchy(Map<String, Known> student) {
    this.student = student;
  }

  boolean isStudent(String internalName) {
    return student.containsKey(internalName);
  }

  /**
   * The class that declares {@code member} as seen from {@code owner}: the first class that
   * declares it, searching the superclasses and then the interfaces; empty if none is found (a
   * class the grader cannot load, say).
   */
  Optional<String> declaring(String owner, String member) {
    Deque<String> todo = new ArrayDeque<>(List.of(owner));
    Set<String> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      String c = todo.removeFirst();
      if (!seen.add(c)) {
        continue;
      }
      Optional<Known> k = known(c);
      if (k.isEmpty()) {
        continue;
      }
      if (k.get().members().contains(member)) {
        return Optional.of(c);
      }
      if (k.get().superName() != null) {
        todo.addFirst(k.get().superName());
      }
      todo.addAll(k.get().interfaces());
    }
    return Optional.empty();
  }

  private Optional<Known> known(String internalName) {
    Known s = student.get(internalName);
    if (s != null) {
      return Optional.of(s);
    }
    return loaded.computeIfAbsent(internalName, Hierarchy::load);
  }

  private static Optional<Known> load(String internalName) {
    try {
      Class<?> c =
          Class.forName(internalName.replace('/', '.'), false, Hierarchy.class.getClassLoader());
      Set<String> members = new HashSet<>();
      for (var m : c.getDeclaredMethods()) {
        members.add(m.getName());
      }
      for (var f : c.getDeclaredFields()) {
        members.add(f.getName());
      }
      members.add("<init>");
      List<String> interfaces = new ArrayList<>();
      for (Class<?> i : c.getInterfaces()) {
        interfaces.add(i.getName().replace('.', '/'));
      }
      String superName =
          c.getSuperclass() == null ? null : c.getSuperclass().getName().replace('.', '/');
      return Optional.of(new Known(superName, interfaces, members));
    } catch (ClassNotFoundException | LinkageError | SecurityException e) {
      return Optional.empty();
    }
  }
}
