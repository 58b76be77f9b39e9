package labs;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Order;

/**
 * The methods of a test class in the order JUnit runs them here: by their {@link Order} (set for
 * every lab test, see {@code junit-platform.properties}), then by name. Reflection alone returns
 * methods in no particular order.
 */
final class TestOrder {
  private TestOrder() {}

  static List<Method> declared(Class<?> c) {
    List<Method> methods = new ArrayList<>(Arrays.asList(c.getDeclaredMethods()));
    methods.sort(Comparator.comparingInt(TestOrder::orderOf).thenComparing(Method::getName));
    return methods;
  }

  private static int orderOf(Method m) {
    Order o = m.getAnnotation(Order.class);
    return o == null ? Order.DEFAULT : o.value();
  }
}
