package labgob;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What labgob knows about one of your classes: which fields it sends, in which order, and how it
 * makes a fresh instance on the receiving side. Built once per class and checked then, so a class
 * that can never be sent fails on its first use with a message that says why.
 *
 * <p>The rules, the Java versions of labgob's "capital letters" rule:
 *
 * <ul>
 *   <li>Every non-static, non-transient field is sent, whatever its visibility. A {@code transient}
 *       field is not sent: the receiver's copy keeps what the no-argument constructor gave it
 *       (0/false/null without an initializer); labgob warns once per such field.
 *   <li>Records are rebuilt through their canonical constructor; other classes need a no-argument
 *       constructor (any visibility), and their fields are then set one by one.
 *   <li>Inner (non-static) classes, local and anonymous classes and lambdas cannot be sent: they
 *       hold hidden references to the object that created them.
 *   <li>Field types must be primitives, boxes, String, enums, arrays, List/Set/Map, your own
 *       classes, or Object/interfaces whose runtime values are among these. JDK classes such as
 *       locks, threads or atomics cannot be sent.
 * </ul>
 */
final class ClassInfo {
  private static final ClassValue<ClassInfo> CACHE =
      new ClassValue<>() {
        @Override
        protected ClassInfo computeValue(Class<?> type) {
          return new ClassInfo(type);
        }
      };

  private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

  final Class<?> type;
  final FieldInfo[] fields;
  final boolean isRecord;
  private final Constructor<?> constructor;

  static ClassInfo of(Class<?> type) {
    return CACHE.get(type);
  }

  private ClassInfo(Class<?> type) {
    this.type = type;
    checkShape(type);
    this.isRecord = type.isRecord();
    List<FieldInfo> list = new ArrayList<>();
    if (isRecord) {
      RecordComponent[] components = type.getRecordComponents();
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        list.add(new FieldInfo(field(type, components[i].getName())));
      }
      this.constructor = constructor(type, types);
    } else {
      collectFields(type, list);
      this.constructor = constructor(type);
    }
    this.fields = list.toArray(new FieldInfo[0]);
  }

  /** Allocates a fresh instance of a non-record class. */
  Object newInstance() {
    try {
      return constructor.newInstance();
    } catch (ReflectiveOperationException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new LabGobException(
          "the no-argument constructor of " + type.getName() + " threw " + cause);
    }
  }

  /** Builds a record from its component values, in declaration order. */
  Object newRecord(Object[] values) {
    try {
      return constructor.newInstance(values);
    } catch (ReflectiveOperationException | IllegalArgumentException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new LabGobException(
          "the canonical constructor of record " + type.getName() + " threw " + cause);
    }
  }

  private static void checkShape(Class<?> type) {
    String name = type.getName();
    if (type.isSynthetic() || name.contains("$$Lambda")) {
      throw new LabGobException(
          "cannot send a lambda or a synthetic class (" + name + "): use a record or a class");
    }
    if (type.isAnonymousClass() || type.isLocalClass()) {
      throw new LabGobException(
          "cannot send "
              + name
              + ": it is an anonymous or local class, which holds hidden"
              + " references to the code that created it; make it a top-level or static nested"
              + " class, or a record");
    }
    if (type.isMemberClass() && !Modifier.isStatic(type.getModifiers())) {
      throw new LabGobException(
          "cannot send "
              + name
              + ": it is an inner (non-static) class, so every instance holds a"
              + " hidden reference to its enclosing "
              + type.getEnclosingClass().getName()
              + "; declare it `static` (or make it a record)");
    }
    if (Modifier.isAbstract(type.getModifiers()) || type.isInterface()) {
      throw new LabGobException("cannot create an instance of abstract " + name);
    }
  }

  private static void collectFields(Class<?> type, List<FieldInfo> out) {
    Class<?> parent = type.getSuperclass();
    if (parent != null && parent != Object.class && parent != Record.class) {
      if (isJdk(parent)) {
        throw new LabGobException(
            "cannot send "
                + type.getName()
                + ": it extends the JDK class "
                + parent.getName()
                + ", whose internals labgob does not send; hold such a value in a field instead");
      }
      collectFields(parent, out);
    }
    for (Field f : type.getDeclaredFields()) {
      int mods = f.getModifiers();
      if (Modifier.isStatic(mods) || f.isSynthetic()) {
        continue;
      }
      if (Modifier.isTransient(mods)) {
        String key = type.getName() + "." + f.getName();
        if (WARNED.add(key)) {
          System.err.println(
              "labgob warning: transient field "
                  + key
                  + " is not sent in RPCs or persisted"
                  + " state; the copy keeps the value its constructor gives it");
        }
        continue;
      }
      checkDeclaredType(type, f);
      out.add(new FieldInfo(f));
    }
  }

  /** Rejects field types that can never be sent, even while the field is still null. */
  private static void checkDeclaredType(Class<?> owner, Field f) {
    Class<?> t = f.getType();
    while (t.isArray()) {
      t = t.getComponentType();
    }
    if (t.isPrimitive() || !isJdk(t) || isSupportedJdkType(t)) {
      return;
    }
    throw new LabGobException(
        "field "
            + owner.getName()
            + "."
            + f.getName()
            + " has type "
            + f.getType().getName()
            + ", which labgob cannot send. Send primitives, String, enums, arrays, List/Set/Map,"
            + " records or your own classes; mark the field `transient` if it must not be sent,"
            + " or move it out of the class that you send or persist");
  }

  static boolean isJdk(Class<?> t) {
    String n = t.getName();
    return n.startsWith("java.")
        || n.startsWith("javax.")
        || n.startsWith("jdk.")
        || n.startsWith("sun.")
        || n.startsWith("com.sun.");
  }

  /** JDK types that may appear as declared field types. */
  static boolean isSupportedJdkType(Class<?> t) {
    if (t == Object.class
        || t == String.class
        || t == Number.class
        || t == Comparable.class
        || t == Integer.class
        || t == Long.class
        || t == Boolean.class
        || t == Double.class
        || t == Float.class
        || t == Short.class
        || t == Byte.class
        || t == Character.class
        || t == java.io.Serializable.class
        || t.isEnum()) {
      return true;
    }
    if (t == Collection.class
        || t == List.class
        || t == Set.class
        || t == Map.class
        || t == Iterable.class
        || t == java.util.SortedMap.class
        || t == java.util.NavigableMap.class
        || t == java.util.SortedSet.class
        || t == java.util.NavigableSet.class) {
      return true;
    }
    return (Collection.class.isAssignableFrom(t) || Map.class.isAssignableFrom(t))
        && t.getName().startsWith("java.util.")
        && !t.getName().startsWith("java.util.concurrent.")
        && hasPublicNoArgConstructor(t);
  }

  private static boolean hasPublicNoArgConstructor(Class<?> t) {
    try {
      return Modifier.isPublic(t.getConstructor().getModifiers())
          && !Modifier.isAbstract(t.getModifiers());
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  private static Field field(Class<?> type, String name) {
    try {
      Field f = type.getDeclaredField(name);
      f.setAccessible(true);
      checkDeclaredType(type, f);
      return f;
    } catch (NoSuchFieldException e) {
      throw new LabGobException("record " + type.getName() + " has no field " + name);
    }
  }

  private static Constructor<?> constructor(Class<?> type, Class<?>... params) {
    try {
      Constructor<?> c = type.getDeclaredConstructor(params);
      c.setAccessible(true);
      return c;
    } catch (NoSuchMethodException e) {
      throw new LabGobException(
          "class "
              + type.getName()
              + " has no no-argument constructor. labgob creates a fresh "
              + type.getSimpleName()
              + " on the receiving side and then sets its fields: add `"
              + type.getSimpleName()
              + "() {}` (it may be private); an argument class may also"
              + " be a record, a reply class may not");
    } catch (RuntimeException e) {
      throw new LabGobException(
          "cannot access the constructor of " + type.getName() + ": " + e.getMessage());
    }
  }
}
