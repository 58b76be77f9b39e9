package labs;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tester.Points;

/**
 * One graded part of a lab, such as 3A (leader election): its name, which is also the JUnit tag of
 * its tests, a title, the test classes that hold its tests, and the minutes a grading engine (a
 * GitHub Classroom step) allows for the whole part.
 *
 * <p>The points are not written here: each test declares its own with {@link Points}, and {@link
 * #tests()} reads them, so a test's points are written exactly once, next to the test.
 */
public record Part(String name, String title, List<String> testClasses, int gradingTimeoutMinutes) {

  /** One test of the part and its points. */
  public record TestCase(String className, String method, int points) {}

  /** The part's tests, in the order their classes are listed and their methods are declared. */
  public List<TestCase> tests() {
    List<TestCase> out = new ArrayList<>();
    for (String className : testClasses) {
      for (Method m : TestOrder.declared(load(className))) {
        if (m.isAnnotationPresent(Test.class)) {
          Points p = m.getAnnotation(Points.class);
          out.add(new TestCase(className, m.getName(), p == null ? 0 : p.value()));
        }
      }
    }
    return out;
  }

  /** The sum of the points of the part's tests. */
  public int points() {
    return tests().stream().mapToInt(TestCase::points).sum();
  }

  private static Class<?> load(String className) {
    try {
      return Class.forName(className, false, Part.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          "the registry (labs.Registry) names the test class "
              + className
              + ", which is not on the classpath: fix the name in Registry.java",
          e);
    }
  }
}
