package labs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import tester.Points;

/** The registry agrees with the test classes it names, and names every lab test class. */
class RegistryTest {

  @Test
  void mavenRunsEveryRegisteredTestClass() throws Exception {
    // surefire runs only the classes its <include> patterns name (pom.xml): a lab whose test
    // classes they miss would never run in `mvn test`, in make test or in the handout.
    String pom = Files.readString(Path.of("pom.xml"));
    List<String> globs = new ArrayList<>();
    Matcher m = Pattern.compile("<include>\\*\\*/([^<]+)\\.java</include>").matcher(pom);
    while (m.find()) {
      globs.add(m.group(1).replace("?", ".").replace("*", ".*"));
    }
    List<String> missed = new ArrayList<>();
    for (String name : Registry.testClasses()) {
      String simple = name.substring(name.lastIndexOf('.') + 1);
      if (globs.stream().noneMatch(simple::matches)) {
        missed.add(name);
      }
    }
    assertEquals(List.of(), missed, "not named by surefire's <include> patterns " + globs);
  }

  @Test
  void everyRegisteredClassIsTaggedWithItsPartAndEveryTestHasPointsAndAnOrder() throws Exception {
    List<String> problems = new ArrayList<>();
    for (Part part : Registry.parts()) {
      for (String name : part.testClasses()) {
        Class<?> c = Class.forName(name);
        Tag tag = c.getAnnotation(Tag.class);
        if (tag == null || !tag.value().equals(part.name())) {
          problems.add(name + " is registered for " + part.name() + " but tagged " + tag);
        }
        for (Method m : c.getDeclaredMethods()) {
          if (m.isAnnotationPresent(Test.class)) {
            Points p = m.getAnnotation(Points.class);
            if (p == null || p.value() <= 0) {
              problems.add(name + "." + m.getName() + " has no positive @Points");
            }
            if (!m.isAnnotationPresent(Order.class)) {
              problems.add(name + "." + m.getName() + " has no @Order");
            }
          }
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void everyClassTaggedWithAPartIsRegistered() {
    // Discover every test class of the test classpath that carries a part's tag.
    Path testClasses =
        Path.of(RegistryTest.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    TestPlan plan =
        LauncherFactory.create()
            .discover(
                LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClasspathRoots(Set.of(testClasses)))
                    .filters(TagFilter.includeTags(Registry.partNames()))
                    .build());
    Set<String> tagged = new TreeSet<>();
    for (TestIdentifier root : plan.getRoots()) {
      for (TestIdentifier id : plan.getDescendants(root)) {
        id.getSource()
            .filter(ClassSource.class::isInstance)
            .map(s -> ((ClassSource) s).getClassName())
            .ifPresent(tagged::add);
      }
    }
    assertTrue(tagged.size() >= 8, "found only " + tagged);
    assertEquals(new TreeSet<>(Registry.testClasses()), tagged);
  }

  @Test
  void partsAreFoundByNameInEitherCase() {
    assertEquals("3A", Registry.part("3a").orElseThrow().name());
    assertTrue(Registry.part("3E").isEmpty());
    assertEquals(
        List.of(
            "kvsrv", "raft", "kvraft", "shardkv.shardctrler", "shardkv.shardgrp", "shardkv.client"),
        Registry.studentPackages());
  }

  @Test
  void pointsAreTheSumOfTheTestsPoints() {
    Part p3a = Registry.part("3A").orElseThrow();
    assertEquals(6, p3a.tests().size());
    assertEquals("testInitialElection3A", p3a.tests().get(0).method());
    assertEquals(30, p3a.points());
  }
}
