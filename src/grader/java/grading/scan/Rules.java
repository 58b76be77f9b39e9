package grading.scan;

import java.util.List;

/**
 * What a Raft or a key/value service never needs, and so what the scan flags. A Raft talks to its
 * peers only through labrpc, persists only through its Persister, and prints only for debugging;
 * everything below is a way to reach outside that: into the grader, the tester, the file system,
 * the network or other processes. The tester's own classes are flagged separately ({@link
 * ClassScanner}), as they differ per tree.
 */
public final class Rules {
  private Rules() {}

  public static final List<Rule> ALL =
      List.of(
          Rule.anyUse("reflection", "java/lang/reflect/"),
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
          Rule.anyUse(
              "class loaders",
              "java/lang/ClassLoader",
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
              "setSecurityManager"));
}
