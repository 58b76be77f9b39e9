package labs;

import java.util.ArrayList;
import java.util.List;

/**
 * What a student's package may reference outside itself: the one list that the integrity scan
 * ({@code grading.scan}) and the handouts' "What a solution may use" both follow. Anything not on
 * it is flagged, and by default a flagged submission scores 0 (instructor guide, "Integrity scan").
 * It is an allow-list, not a list of forbidden APIs, because the JDK has too many ways to call a
 * method by name, load a class or leave the JVM for any such list to be complete.
 *
 * <p>Each entry is a pattern in Java's dotted names (nested classes with {@code $}):
 *
 * <ul>
 *   <li>{@code java.util.concurrent.**}: a package and every package below it;
 *   <li>{@code java.util.*}: the classes of one package (not the packages below it);
 *   <li>{@code java.lang.Thread}: one class (and its nested classes), every member;
 *   <li>{@code java.lang.Class#}: the class itself, none of its members;
 *   <li>{@code java.lang.System#nanoTime}: one member (a method, field or {@code <init>}); with a
 *       descriptor prefix ({@code java.io.PrintStream#<init>(Ljava/io/OutputStream;}) only the
 *       overloads that start so;
 *   <li>a leading {@code !} forbids what the pattern names;
 *   <li>a leading {@code @} allows a method only as the bootstrap of an {@code invokedynamic} (the
 *       JDK's own machinery behind lambdas, string concatenation, records and switches).
 * </ul>
 *
 * The most specific pattern decides (a member before its class, a class before its package, a
 * deeper package before a shallower one); between an allow and a forbid equally specific, the
 * forbid. A lab that needs more (files, say) adds its own entries in {@link #forLab}; an instructor
 * adds a course's in {@code autograder.conf} ({@code allow = ...}).
 */
public final class AllowedApis {
  private AllowedApis() {}

  /** The language: java.lang without what reaches outside a Raft (reflection, processes, ...). */
  static final List<String> LANGUAGE =
      List.of(
          "java.lang.*",
          // Class: its name and type tests; everything that finds members or resources by name is
          // reflection.
          "!java.lang.Class",
          "java.lang.Class#", // the type itself (Class<?>[] and the like)
          "java.lang.Class#getName",
          "java.lang.Class#getSimpleName",
          "java.lang.Class#getTypeName",
          "java.lang.Class#getCanonicalName",
          "java.lang.Class#isInstance",
          "java.lang.Class#cast",
          "java.lang.Class#isAssignableFrom",
          "java.lang.Class#desiredAssertionStatus", // every `assert` compiles to it
          "java.lang.Class#isArray",
          "java.lang.Class#isEnum",
          "java.lang.Class#isRecord",
          "java.lang.Class#isInterface",
          "java.lang.Class#isPrimitive",
          "java.lang.Class#getComponentType",
          "java.lang.Class#getEnumConstants",
          "java.lang.Class#toString",
          "java.lang.Class#hashCode",
          "java.lang.Class#equals",
          // System: time, printing, copying arrays, reading a property; not exit, setOut, load,
          // setProperty, getenv or its logger.
          "!java.lang.System",
          "java.lang.System#out",
          "java.lang.System#err",
          "java.lang.System#nanoTime",
          "java.lang.System#currentTimeMillis",
          "java.lang.System#arraycopy",
          "java.lang.System#identityHashCode",
          "java.lang.System#lineSeparator",
          "java.lang.System#getProperty",
          // Runtime: the machine's size; not exit, halt, exec, load or shutdown hooks.
          "!java.lang.Runtime",
          "java.lang.Runtime#getRuntime",
          "java.lang.Runtime#availableProcessors",
          "java.lang.Runtime#freeMemory",
          "java.lang.Runtime#totalMemory",
          "java.lang.Runtime#maxMemory",
          "java.lang.Runtime#gc",
          "java.lang.Runtime$Version",
          // Thread: its own threads; not the others' (the grader's), nor the JVM-wide handlers.
          "!java.lang.Thread#getAllStackTraces",
          "!java.lang.Thread#enumerate",
          "!java.lang.Thread#getThreadGroup",
          "!java.lang.Thread#stop",
          "!java.lang.Thread#suspend",
          "!java.lang.Thread#resume",
          "!java.lang.Thread#countStackFrames",
          "!java.lang.Thread#setDefaultUncaughtExceptionHandler",
          "!java.lang.Thread#getDefaultUncaughtExceptionHandler",
          "!java.lang.Thread#getContextClassLoader",
          "!java.lang.Thread#setContextClassLoader",
          // The rest of java.lang that reaches outside: class loading, processes, modules, stack
          // walking, security, the JVM's logger.
          "!java.lang.ClassLoader",
          "!java.lang.Process",
          "!java.lang.ProcessBuilder",
          "!java.lang.ProcessHandle",
          "!java.lang.SecurityManager",
          "!java.lang.StackWalker",
          "!java.lang.Module",
          "!java.lang.ModuleLayer",
          "!java.lang.Package",
          "!java.lang.ClassValue",
          "!java.lang.Compiler",
          "!java.lang.ThreadGroup",
          "!java.lang.RuntimePermission",
          // What javac itself generates: lambdas, string concatenation, records, switches.
          "@java.lang.invoke.LambdaMetafactory#metafactory",
          "@java.lang.invoke.LambdaMetafactory#altMetafactory",
          "@java.lang.invoke.StringConcatFactory#makeConcatWithConstants",
          "@java.lang.invoke.StringConcatFactory#makeConcat",
          "@java.lang.runtime.ObjectMethods#bootstrap",
          "@java.lang.runtime.SwitchBootstraps#typeSwitch",
          "@java.lang.runtime.SwitchBootstraps#enumSwitch",
          "@java.lang.invoke.ConstantBootstraps#invoke",
          "@java.lang.invoke.ConstantBootstraps#getStaticFinal");

  /** Collections, concurrency, streams, time, numbers and in-memory I/O. */
  static final List<String> LIBRARY =
      List.of(
          "java.util.*",
          "!java.util.ServiceLoader", // instantiates classes found by name
          "!java.util.ResourceBundle", // so does this
          "!java.util.Formatter#<init>", // its constructors that take a name open a file
          "java.util.concurrent.**", // with .atomic and .locks
          "java.util.function.*",
          "java.util.stream.*",
          "java.util.regex.*",
          "java.util.random.*",
          "java.time.**",
          "java.math.*",
          "java.text.*", // formatting, for debugging output
          "java.nio.*", // buffers
          "java.nio.charset.*",
          "java.io.InputStream",
          "java.io.OutputStream",
          "java.io.ByteArrayInputStream",
          "java.io.ByteArrayOutputStream",
          "java.io.DataInput",
          "java.io.DataOutput",
          "java.io.DataInputStream",
          "java.io.DataOutputStream",
          "java.io.FilterInputStream",
          "java.io.FilterOutputStream",
          "java.io.BufferedInputStream",
          "java.io.BufferedOutputStream",
          "java.io.Reader",
          "java.io.Writer",
          "java.io.StringReader",
          "java.io.StringWriter",
          "java.io.CharArrayReader",
          "java.io.CharArrayWriter",
          "java.io.BufferedReader",
          "java.io.BufferedWriter",
          "java.io.InputStreamReader",
          "java.io.OutputStreamWriter",
          "java.io.PrintStream",
          "java.io.PrintWriter",
          // but not the constructors that take a file name
          "!java.io.PrintStream#<init>",
          "java.io.PrintStream#<init>(Ljava/io/OutputStream;",
          "!java.io.PrintWriter#<init>",
          "java.io.PrintWriter#<init>(Ljava/io/Writer;",
          "java.io.PrintWriter#<init>(Ljava/io/OutputStream;",
          "java.io.Closeable",
          "java.io.Flushable",
          "java.io.Serializable",
          "java.io.IOException",
          "java.io.UncheckedIOException",
          "java.io.EOFException",
          "java.io.InterruptedIOException",
          "java.io.UnsupportedEncodingException");

  /** The given packages every lab's code talks to. */
  static final List<String> GIVEN =
      List.of("labrpc.**", "labgob.**", "raftapi.**", "kvapi.**", "debug.**");

  /** Labs 3 and 4: a Raft, a replicated state machine, a key/value server and its clerk. */
  static final List<String> RAFT_AND_KV = concat(LANGUAGE, LIBRARY, GIVEN);

  /** Lab 5: also the given configuration and shard-moving RPC types. */
  static final List<String> SHARDKV =
      concat(RAFT_AND_KV, List.of("shardkv.shardcfg.**", "shardkv.shardrpc.**"));

  /** The allow-list of lab {@code number} (its students' own packages are added by the scan). */
  public static List<String> forLab(int number) {
    return switch (number) {
      case 5 -> SHARDKV;
      default -> RAFT_AND_KV;
    };
  }

  @SafeVarargs
  private static List<String> concat(List<String>... lists) {
    List<String> out = new ArrayList<>();
    for (List<String> l : lists) {
      out.addAll(l);
    }
    return List.copyOf(out);
  }
}
