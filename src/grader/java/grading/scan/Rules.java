package grading.scan;

import java.util.List;

/**
 * What kind of thing a flagged reference is, for the people who read the flags. What is flagged is
 * decided by the {@link AllowList} (anything it does not hold); these rules only name the doors
 * that a Raft never needs and that attacks on the grader use: into the grader, the tester, the file
 * system, the network or other processes. A flagged reference that none of them names is "outside
 * the allow-list". The tester's own classes are flagged separately ({@link ClassScanner}).
 */
public final class Rules {
  private Rules() {}

  /** The name of the first rule that covers the reference, or "outside the allow-list". */
  public static String kindOf(String owner, String member) {
    for (Rule r : ALL) {
      if (r.matches(owner, member)) {
        return r.name();
      }
    }
    return "outside the allow-list";
  }

  public static final List<Rule> ALL =
      List.of(
          Rule.anyUse("reflection", "java/lang/reflect/", "java/lang/invoke/", "java/beans/"),
          Rule.anyUse(
              "serialization",
              "java/io/ObjectInputStream",
              "java/io/ObjectOutputStream",
              "java/io/ObjectInput",
              "java/io/ObjectOutput",
              "java/io/ObjectStreamClass",
              "java/io/Externalizable"),
          Rule.anyUse("signals", "sun/misc/Signal", "jdk/internal/misc/Signal"),
          Rule.anyUse("logging", "java/util/logging/", "java/lang/System$Logger"),
          Rule.members("logging", "java/lang/System", "getLogger"),
          Rule.anyUse(
              "service and resource loading",
              "java/util/ServiceLoader",
              "java/util/ResourceBundle"),
          Rule.members(
              "service and resource loading",
              "java/lang/Class",
              "getResource",
              "getResourceAsStream",
              "getModule"),
          Rule.members(
              "reflection",
              "java/lang/Class",
              "forName",
              "getDeclaredField",
              "getDeclaredFields",
              "getDeclaredMethod",
              "getDeclaredMethods",
              "getDeclaredConstructor",
              "getDeclaredConstructors",
              "getField",
              "getFields",
              "getMethod",
              "getMethods",
              "getConstructor",
              "getConstructors",
              "newInstance",
              "getDeclaredClasses",
              "getNestHost"),
          Rule.members("reflection", "java/lang/invoke/MethodHandles", "privateLookupIn", "lookup"),
          Rule.anyUse("reflection", "java/lang/invoke/MethodHandles$Lookup"),
          Rule.anyUse("Unsafe", "sun/misc/Unsafe", "jdk/internal/"),
          Rule.members("System.exit", "java/lang/System", "exit"),
          Rule.members("Runtime.exit/halt", "java/lang/Runtime", "exit", "halt"),
          Rule.members(
              "shutdown hooks", "java/lang/Runtime", "addShutdownHook", "removeShutdownHook"),
          Rule.members("Runtime.exec", "java/lang/Runtime", "exec"),
          Rule.anyUse(
              "processes",
              "java/lang/ProcessBuilder",
              "java/lang/ProcessHandle",
              "java/lang/Process"),
          Rule.anyUse(
              "sockets and URLs",
              "java/net/",
              "java/nio/channels/SocketChannel",
              "java/nio/channels/ServerSocketChannel",
              "java/nio/channels/DatagramChannel"),
          Rule.anyUse(
              "file access",
              "java/io/File",
              "java/io/FileInputStream",
              "java/io/FileOutputStream",
              "java/io/FileReader",
              "java/io/FileWriter",
              "java/io/RandomAccessFile",
              "java/nio/file/",
              "java/nio/channels/FileChannel"),
          Rule.members(
              "System.setOut/setErr/setIn", "java/lang/System", "setOut", "setErr", "setIn"),
          Rule.members("native code", "java/lang/System", "load", "loadLibrary"),
          Rule.members("native code", "java/lang/Runtime", "load", "loadLibrary"),
          Rule.anyUse("native code", "java/lang/foreign/"),
          Rule.anyUse(
              "class loaders",
              "java/lang/ClassLoader",
              "java/lang/Module",
              "java/lang/ModuleLayer",
              "java/security/SecureClassLoader",
              "java/lang/instrument/"),
          Rule.members("class loaders", "java/lang/Class", "getClassLoader"),
          Rule.members(
              "class loaders",
              "java/lang/Thread",
              "getContextClassLoader",
              "setContextClassLoader"),
          Rule.members(
              "other threads",
              "java/lang/Thread",
              "getAllStackTraces",
              "enumerate",
              "stop",
              "suspend",
              "resume",
              "setDefaultUncaughtExceptionHandler"),
          Rule.anyUse(
              "other threads",
              "java/lang/ThreadGroup",
              "java/lang/management/",
              "com/sun/management/"),
          Rule.members(
              "environment",
              "java/lang/System",
              "getenv",
              "setProperty",
              "clearProperty",
              "setProperties",
              "setSecurityManager"),
          Rule.anyUse("JDK internals", "sun/", "com/sun/", "jdk/"),
          Rule.anyUse(
              "other modules of the JDK",
              "java/sql/",
              "java/awt/",
              "javax/",
              "java/rmi/",
              "java/security/",
              "java/util/prefs/",
              "java/util/jar/",
              "java/util/zip/"));
}
