package labgob;

/**
 * labgob: the codec every RPC argument, RPC reply and persisted byte goes through (the role of Go's
 * labgob/gob in the original labs).
 *
 * <p>Encoding turns a value into bytes; decoding builds a <em>fresh</em> copy from them. labrpc
 * encodes the arguments when you call, and the handler gets the decoded copy, so a caller and a
 * handler never share an object, just as two real servers never share memory. The same bytes are
 * what the byte counters of the tests measure, and what your Raft hands to the {@code Persister}.
 *
 * <p>What can be sent: primitives and their boxes, String, enums, arrays, List/Set/Map, records,
 * and your own classes (all their non-static, non-transient fields, whatever their visibility),
 * nested as deep as you like, also behind fields of type {@code Object} (a log entry's command). No
 * registration is needed. What cannot: locks, threads, atomics and other JDK classes; inner
 * (non-static) and anonymous classes; reference cycles. Trying gives a {@link LabGobException} that
 * names the class and the field and says what to do.
 *
 * <p>Differences from Go's gob worth knowing: lists decode as {@code ArrayList} (or the concrete
 * collection class a field declares), sets as {@code LinkedHashSet}, maps as {@code LinkedHashMap};
 * two references to one object arrive as two separate copies. Every method here is thread-safe.
 *
 * <p>For persistence use {@link LabEncoder} and {@link LabDecoder}, which write and read several
 * values in sequence, like Go's {@code labgob.NewEncoder(w).Encode(x)}.
 */
public final class LabGob {
  private LabGob() {}

  /** Encodes one value (null allowed). */
  public static byte[] encode(Object value) {
    Writer w = new Writer();
    try {
      w.writeValue(value);
    } catch (LabGobException e) {
      throw rooted(e, value);
    }
    return w.toByteArray();
  }

  /** Names the encoded value's own class at the start of an error's path, when it is ours. */
  static LabGobException rooted(LabGobException e, Object value) {
    if (e.path() != null && value != null && !ClassInfo.isJdk(value.getClass())) {
      e.within(value.getClass().getName());
    }
    return e;
  }

  /** Decodes one value that {@link #encode} produced. */
  public static Object decode(byte[] data) {
    return new Reader(data).readValue();
  }

  /** Decodes one value and checks that it is a {@code type} (primitive classes are boxed). */
  public static <T> T decode(byte[] data, Class<T> type) {
    return cast(decode(data), type);
  }

  /** A deep copy made by encoding and decoding, exactly what an RPC does to its arguments. */
  @SuppressWarnings("unchecked")
  public static <T> T deepCopy(T value) {
    return (T) decode(encode(value));
  }

  /**
   * Copies every field labgob would send from {@code from} into {@code into}, which must be of the
   * same class. labrpc uses it to fill in the reply object that the caller passed to {@code call}.
   */
  public static void copyFields(Object from, Object into) {
    Class<?> c = into.getClass();
    if (from.getClass() != c) {
      throw new LabGobException(
          "cannot copy a " + from.getClass().getName() + " into a " + c.getName());
    }
    ClassInfo info = ClassInfo.of(c);
    if (info.isRecord) {
      throw new LabGobException(
          c.getName()
              + " is a record, so it cannot be filled in: an RPC reply must be a class"
              + " with non-final fields that the handler sets");
    }
    for (FieldInfo f : info.fields) {
      try {
        f.field.set(into, f.field.get(from));
      } catch (IllegalAccessException | IllegalArgumentException e) {
        throw new LabGobException(
            "cannot set field "
                + c.getName()
                + "."
                + f.name
                + ": "
                + e.getMessage()
                + (java.lang.reflect.Modifier.isFinal(f.field.getModifiers())
                    ? " (a reply's fields must not be final)"
                    : ""));
      }
    }
  }

  /**
   * Checks, without sending anything, that instances of {@code type} can be encoded and decoded:
   * its shape, its constructor and the declared types of its fields. Throws a {@link
   * LabGobException} that says what is wrong.
   */
  public static void checkType(Class<?> type) {
    if (type.isPrimitive() || type.isArray() || type.isEnum() || ClassInfo.isJdk(type)) {
      return;
    }
    ClassInfo.of(type);
  }

  @SuppressWarnings("unchecked")
  static <T> T cast(Object value, Class<T> type) {
    Class<?> boxed = box(type);
    if (value != null && !boxed.isInstance(value)) {
      throw new LabGobException(
          "expected a "
              + type.getName()
              + " but decoded a "
              + value.getClass().getName()
              + " (values must be decoded in the order, and with the types, they were encoded)");
    }
    if (value == null && type.isPrimitive()) {
      throw new LabGobException("expected a " + type.getName() + " but decoded null");
    }
    return (T) value;
  }

  private static Class<?> box(Class<?> t) {
    if (!t.isPrimitive()) {
      return t;
    }
    if (t == int.class) {
      return Integer.class;
    } else if (t == long.class) {
      return Long.class;
    } else if (t == boolean.class) {
      return Boolean.class;
    } else if (t == double.class) {
      return Double.class;
    } else if (t == float.class) {
      return Float.class;
    } else if (t == short.class) {
      return Short.class;
    } else if (t == byte.class) {
      return Byte.class;
    }
    return Character.class;
  }
}
