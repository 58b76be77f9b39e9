package labrpc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.TreeMap;
import labgob.LabGob;
import labgob.LabGobException;

/**
 * An object whose handler methods can be called over the network, under the object's class name: a
 * {@code Raft} object's method {@code requestVote} is called as {@code "Raft.requestVote"}.
 *
 * <p>A handler is a public instance method of the form
 *
 * <pre>{@code public void requestVote(RequestVoteArgs args, RequestVoteReply reply)}</pre>
 *
 * The handler gets a fresh copy of the caller's arguments and a fresh reply object (made with its
 * no-argument constructor) that it fills in; labrpc then copies the reply back into the caller's
 * reply object. The reply type must be one of your own classes with non-final fields (not a record,
 * array, String or JDK class); the arguments may be any type labgob can send. Other public methods
 * are not handlers and are ignored, as Go's labrpc ignores methods of other shapes; but any public
 * void method with two parameters becomes a handler, whether you meant it or not (with {@code
 * ./grade.sh -v} the debug log lists the handlers of each service).
 *
 * <p>Handlers run on labrpc's handler threads, several at once: they must be thread-safe. A handler
 * may block, but its caller gives up when the server is killed or disconnected.
 */
public final class Service {
  private final String name;
  private final Object receiver;
  private final Map<String, Method> methods = new TreeMap<>();
  private final Map<String, String> ambiguous = new TreeMap<>();
  private final Map<Class<?>, java.lang.reflect.Constructor<?>> replyConstructors =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Serves {@code receiver}'s handler methods under its class's simple name. */
  public Service(Object receiver) {
    this(receiver.getClass().getSimpleName(), receiver);
  }

  /** Serves {@code receiver}'s handler methods under {@code name}. */
  public Service(String name, Object receiver) {
    this.name = name;
    this.receiver = receiver;
    for (Method m : receiver.getClass().getMethods()) {
      if (m.getDeclaringClass() == Object.class || !isHandler(m)) {
        continue;
      }
      Method previous = methods.put(m.getName(), m);
      if (previous != null && !previous.equals(m)) {
        ambiguous.put(
            m.getName(), "two handlers named " + m.getName() + " (overloads): rename one");
      }
    }
    for (Method m : methods.values()) {
      m.setAccessible(true);
    }
    // Any public void method with two parameters is a handler, wanted or not: with the debug log
    // on (./grade.sh -v), say which ones were registered.
    if (debug.Debug.enabled()) {
      debug.Debug.log(debug.Debug.Topic.INFO, -1, -1, "labrpc: %s serves %s", name, methodNames());
    }
  }

  public String name() {
    return name;
  }

  /** The handler names, e.g. {@code [Raft.appendEntries, Raft.requestVote]}. */
  public java.util.List<String> methodNames() {
    return methods.keySet().stream().map(m -> name + "." + m).toList();
  }

  private static boolean isHandler(Method m) {
    if (Modifier.isStatic(m.getModifiers())
        || m.getReturnType() != void.class
        || m.getParameterCount() != 2
        || m.isBridge()
        || m.isSynthetic()) {
      return false;
    }
    Class<?> reply = m.getParameterTypes()[1];
    return !reply.isPrimitive()
        && !reply.isArray()
        && !reply.isInterface()
        && !reply.isRecord()
        && !reply.isEnum()
        && !Modifier.isAbstract(reply.getModifiers())
        && !reply.getName().startsWith("java.");
  }

  /** Runs one handler on the current thread: decode, call, encode. */
  Server.Outcome dispatch(
      Network net, String methodName, String svcMeth, byte[] argBytes, Class<?> replyClass) {
    Method m = methods.get(methodName);
    if (m == null || ambiguous.containsKey(methodName)) {
      String why =
          m == null
              ? "unknown method "
                  + methodName
                  + " in "
                  + svcMeth
                  + "; "
                  + name
                  + " has "
                  + (methods.isEmpty()
                      ? "no handler methods (a handler is public void m(Args, Reply))"
                      : String.join(", ", methodNames()))
              : ambiguous.get(methodName);
      return Server.Outcome.error(net, "labrpc: " + why, null);
    }
    Class<?> argsType = m.getParameterTypes()[0];
    Class<?> replyType = m.getParameterTypes()[1];
    if (replyClass != replyType) {
      return Server.Outcome.error(
          net,
          "labrpc: "
              + svcMeth
              + " fills in a "
              + replyType.getName()
              + ", but the caller passed a "
              + replyClass.getName()
              + " as its reply",
          null);
    }
    Object args;
    Object reply;
    try {
      args = LabGob.decode(argBytes);
      LabGob.checkType(replyType);
      reply = newReply(replyType);
    } catch (LabGobException e) {
      return Server.Outcome.error(net, "labrpc: " + svcMeth + ": " + e.getMessage(), e);
    }
    if (args == null || !box(argsType).isInstance(args)) {
      return Server.Outcome.error(
          net,
          "labrpc: "
              + svcMeth
              + " takes arguments of type "
              + argsType.getName()
              + ", but the caller passed "
              + (args == null ? "null" : "a " + args.getClass().getName()),
          null);
    }
    try {
      m.invoke(receiver, args, reply);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      return Server.Outcome.error(
          net,
          "labrpc: handler "
              + svcMeth
              + " threw "
              + cause
              + "; the call returns false, as if the server had crashed",
          cause);
    } catch (IllegalAccessException e) {
      return Server.Outcome.error(net, "labrpc: cannot call " + svcMeth + ": " + e, e);
    }
    try {
      return Server.Outcome.ok(LabGob.encode(reply));
    } catch (LabGobException e) {
      return Server.Outcome.error(
          net, "labrpc: cannot send the reply of " + svcMeth + ": " + e.getMessage(), e);
    }
  }

  private Object newReply(Class<?> type) {
    try {
      var c = replyConstructors.get(type);
      if (c == null) {
        c = type.getDeclaredConstructor();
        c.setAccessible(true);
        replyConstructors.put(type, c);
      }
      return c.newInstance();
    } catch (NoSuchMethodException e) {
      throw new LabGobException(
          "reply class "
              + type.getName()
              + " has no no-argument"
              + " constructor: add `"
              + type.getSimpleName()
              + "() {}`");
    } catch (ReflectiveOperationException e) {
      throw new LabGobException("cannot create a " + type.getName() + ": " + e);
    }
  }

  private static Class<?> box(Class<?> t) {
    if (!t.isPrimitive()) {
      return t;
    }
    return java.lang.invoke.MethodType.methodType(t).wrap().returnType();
  }
}
