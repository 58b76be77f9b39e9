package labgob;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Decodes what {@link Writer} wrote into fresh objects; nothing is shared with the sender. */
final class Reader {
  private static final Map<String, Class<?>> CLASS_BY_NAME = new ConcurrentHashMap<>();

  private final ByteSource in;
  private Class<?>[] classes = new Class<?>[4];
  private int nclasses;

  Reader(byte[] data) {
    this.in = new ByteSource(data);
  }

  boolean hasMore() {
    return in.hasMore();
  }

  Object readValue() {
    int tag = in.read();
    switch (tag) {
      case Tag.NULL:
        return null;
      case Tag.TRUE:
        return Boolean.TRUE;
      case Tag.FALSE:
        return Boolean.FALSE;
      case Tag.INT:
        return (int) in.readSignedVarLong();
      case Tag.LONG:
        return in.readSignedVarLong();
      case Tag.DOUBLE:
        return Double.longBitsToDouble(in.readFixedLong());
      case Tag.FLOAT:
        return Float.intBitsToFloat((int) in.readVarLong());
      case Tag.SHORT:
        return (short) in.readSignedVarLong();
      case Tag.BYTE:
        return (byte) in.read();
      case Tag.CHAR:
        return (char) in.readVarLong();
      case Tag.STRING:
        return in.readString();
      case Tag.BYTES:
        return in.readBytes(in.readLength());
      case Tag.LIST:
      case Tag.SET:
        {
          int n = in.readLength();
          Collection<Object> c = tag == Tag.LIST ? new ArrayList<>(n) : new LinkedHashSet<>();
          for (int i = 0; i < n; i++) {
            c.add(readValue());
          }
          return c;
        }
      case Tag.MAP:
        {
          int n = in.readLength();
          Map<Object, Object> m = new LinkedHashMap<>();
          for (int i = 0; i < n; i++) {
            Object k = readValue();
            m.put(k, readValue());
          }
          return m;
        }
      case Tag.ENUM:
        {
          Class<?> c = readClass();
          Object[] constants = c.getEnumConstants();
          int ordinal = in.readLength();
          if (constants == null || ordinal >= constants.length) {
            throw new LabGobException("corrupt data: no constant #" + ordinal + " in " + c);
          }
          return constants[ordinal];
        }
      case Tag.OBJECT:
        return readObject(ClassInfo.of(readClass()));
      case Tag.ARRAY:
        {
          Class<?> comp = readClass();
          int n = in.readLength();
          Object[] a = (Object[]) Array.newInstance(comp, n);
          for (int i = 0; i < n; i++) {
            a[i] = adapt(readValue(), comp, "array element");
          }
          return a;
        }
      default:
        return readPrimitiveArray(tag);
    }
  }

  private Object readObject(ClassInfo info) {
    FieldInfo[] fields = info.fields;
    if (info.isRecord) {
      Object[] values = new Object[fields.length];
      for (int i = 0; i < fields.length; i++) {
        values[i] = readField(fields[i]);
      }
      return info.newRecord(values);
    }
    Object obj = info.newInstance();
    for (FieldInfo f : fields) {
      Object value = readField(f);
      try {
        f.field.set(obj, value);
      } catch (IllegalAccessException | IllegalArgumentException e) {
        throw new LabGobException(
            "cannot set field " + info.type.getName() + "." + f.name + ": " + e.getMessage());
      }
    }
    return obj;
  }

  private Object readField(FieldInfo f) {
    Class<?> t = f.type;
    if (!t.isPrimitive()) {
      return adapt(readValue(), t, f.name);
    } else if (t == int.class) {
      return (int) in.readSignedVarLong();
    } else if (t == long.class) {
      return in.readSignedVarLong();
    } else if (t == boolean.class) {
      return in.read() != 0;
    } else if (t == double.class) {
      return Double.longBitsToDouble(in.readFixedLong());
    } else if (t == float.class) {
      return Float.intBitsToFloat((int) in.readVarLong());
    } else if (t == short.class) {
      return (short) in.readSignedVarLong();
    } else if (t == byte.class) {
      return (byte) in.read();
    } else {
      return (char) in.readVarLong();
    }
  }

  /**
   * Fits a decoded value to the declared type of the field it goes into: a list decodes as an
   * ArrayList, so a field declared as, say, LinkedList gets a LinkedList with the same elements.
   */
  @SuppressWarnings("unchecked")
  private static Object adapt(Object value, Class<?> type, String where) {
    if (value == null || type.isInstance(value)) {
      return value;
    }
    try {
      if (value instanceof Collection && Collection.class.isAssignableFrom(type)) {
        Constructor<?> c = type.getConstructor();
        Collection<Object> coll = (Collection<Object>) c.newInstance();
        coll.addAll((Collection<Object>) value);
        return coll;
      }
      if (value instanceof Map && Map.class.isAssignableFrom(type)) {
        Map<Object, Object> m = (Map<Object, Object>) type.getConstructor().newInstance();
        m.putAll((Map<Object, Object>) value);
        return m;
      }
    } catch (ReflectiveOperationException e) {
      // fall through to the error below
    }
    throw new LabGobException(
        "decoded a "
            + value.getClass().getName()
            + " but "
            + where
            + " has type "
            + type.getName()
            + " (was the class changed between encode and decode?)");
  }

  private Object readPrimitiveArray(int tag) {
    int n;
    switch (tag) {
      case Tag.INTS:
        {
          n = in.readLength();
          int[] a = new int[n];
          for (int i = 0; i < n; i++) {
            a[i] = (int) in.readSignedVarLong();
          }
          return a;
        }
      case Tag.LONGS:
        {
          n = in.readLength();
          long[] a = new long[n];
          for (int i = 0; i < n; i++) {
            a[i] = in.readSignedVarLong();
          }
          return a;
        }
      case Tag.BOOLEANS:
        {
          n = in.readLength();
          boolean[] a = new boolean[n];
          for (int i = 0; i < n; i++) {
            a[i] = in.read() != 0;
          }
          return a;
        }
      case Tag.DOUBLES:
        {
          n = in.readLength();
          double[] a = new double[n];
          for (int i = 0; i < n; i++) {
            a[i] = Double.longBitsToDouble(in.readFixedLong());
          }
          return a;
        }
      case Tag.FLOATS:
        {
          n = in.readLength();
          float[] a = new float[n];
          for (int i = 0; i < n; i++) {
            a[i] = Float.intBitsToFloat((int) in.readVarLong());
          }
          return a;
        }
      case Tag.SHORTS:
        {
          n = in.readLength();
          short[] a = new short[n];
          for (int i = 0; i < n; i++) {
            a[i] = (short) in.readSignedVarLong();
          }
          return a;
        }
      case Tag.CHARS:
        {
          n = in.readLength();
          char[] a = new char[n];
          for (int i = 0; i < n; i++) {
            a[i] = (char) in.readVarLong();
          }
          return a;
        }
      default:
        throw new LabGobException(
            "corrupt data: unknown tag " + tag + " (are these bytes from labgob?)");
    }
  }

  private Class<?> readClass() {
    int ref = in.readLength();
    if (ref > 0) {
      if (ref > nclasses) {
        throw new LabGobException("corrupt data: class reference " + ref);
      }
      return classes[ref - 1];
    }
    String name = in.readString();
    Class<?> c = CLASS_BY_NAME.computeIfAbsent(name, Reader::load);
    if (nclasses == classes.length) {
      classes = java.util.Arrays.copyOf(classes, nclasses * 2);
    }
    classes[nclasses++] = c;
    return c;
  }

  private static Class<?> load(String name) {
    try {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      if (loader == null) {
        loader = Reader.class.getClassLoader();
      }
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException e) {
      try {
        return Class.forName(name, false, Reader.class.getClassLoader());
      } catch (ClassNotFoundException e2) {
        throw new LabGobException("corrupt data or unknown class: " + name);
      }
    }
  }
}
