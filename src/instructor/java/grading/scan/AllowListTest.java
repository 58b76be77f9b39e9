package grading.scan;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The most specific pattern decides; between equals, the forbid. */
class AllowListTest {
  private final AllowList list =
      AllowList.of(
          List.of(
              "java.util.**",
              "!java.util.ServiceLoader",
              "java.lang.*",
              "!java.lang.System",
              "java.lang.System#nanoTime",
              "!java.lang.Thread#stop",
              "java.io.PrintStream",
              "!java.io.PrintStream#<init>",
              "java.io.PrintStream#<init>(Ljava/io/OutputStream;",
              "@java.lang.invoke.LambdaMetafactory#metafactory"));

  @Test
  void aPackageTreeCoversItsSubpackagesButAPackageDoesNot() {
    assertTrue(list.allows("java/util/concurrent/atomic/AtomicLong", "get", "()J"));
    assertTrue(list.allows("java/lang/Thread", "start", "()V"));
    assertFalse(list.allows("java/lang/reflect/Method", "invoke", null));
  }

  @Test
  void aClassOrMemberOverridesItsPackage() {
    assertFalse(list.allows("java/util/ServiceLoader", "load", null));
    assertFalse(list.allows("java/lang/System", "exit", "(I)V"));
    assertFalse(list.allows("java/lang/System$Logger", null, null)); // nested classes too
    assertTrue(list.allows("java/lang/System", "nanoTime", "()J"));
    assertFalse(list.allows("java/lang/Thread", "stop", "()V"));
  }

  @Test
  void aDescriptorPrefixPicksOverloads() {
    assertTrue(list.allows("java/io/PrintStream", "<init>", "(Ljava/io/OutputStream;Z)V"));
    assertFalse(list.allows("java/io/PrintStream", "<init>", "(Ljava/lang/String;)V"));
    assertTrue(list.allows("java/io/PrintStream", "println", "(Ljava/lang/String;)V"));
  }

  @Test
  void aBootstrapEntryAllowsNothingButABootstrap() {
    assertTrue(list.allowsBootstrap("java/lang/invoke/LambdaMetafactory", "metafactory", null));
    assertFalse(list.allows("java/lang/invoke/LambdaMetafactory", "metafactory", null));
  }

  @Test
  void whatNoPatternCoversIsNotAllowed() {
    assertFalse(list.allows("sun/misc/Unsafe", "getUnsafe", null));
    assertFalse(list.allows("grading/verdict/VerdictWriter", "finished", null));
  }
}
