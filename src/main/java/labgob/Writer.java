package labgob;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Encodes values into a {@link ByteSink}. Every value that is not in a declared primitive field
 * starts with a {@link Tag}; objects, enums and arrays also name their class, once per message
 * (later uses refer to it by number), so a message decodes without any registration.
 */
final class Writer {
  /** Deeper nesting than this is almost always a reference cycle, which gob cannot send either. */
  static final int MAX_DEPTH = 400;

  private final ByteSink out = new ByteSink();
  private Class<?>[] classes = new Class<?>[4];
  private int nclasses;
  private int depth;

  byte[] toByteArray() {
    return out.toByteArray();
  }

  void writeValue(Object v) {
    if (v == null) {
      out.write(Tag.NULL);
      return;
    }
    Class<?> c = v.getClass();
    switch (Kind.of(c)) {
      case INT -> {
        out.write(Tag.INT);
        out.writeSignedVarLong((Integer) v);
      }
      case STRING -> {
        out.write(Tag.STRING);
        out.writeString((String) v);
      }
      case LONG -> {
        out.write(Tag.LONG);
        out.writeSignedVarLong((Long) v);
      }
      case BOOLEAN -> out.write((Boolean) v ? Tag.TRUE : Tag.FALSE);
      case DOUBLE -> {
        out.write(Tag.DOUBLE);
        out.writeFixedLong(Double.doubleToRawLongBits((Double) v));
      }
      case FLOAT -> {
        out.write(Tag.FLOAT);
        out.writeVarLong(Float.floatToRawIntBits((Float) v) & 0xFFFFFFFFL);
      }
      case SHORT -> {
        out.write(Tag.SHORT);
        out.writeSignedVarLong((Short) v);
      }
      case BYTE -> {
        out.write(Tag.BYTE);
        out.write((Byte) v);
      }
      case CHAR -> {
        out.write(Tag.CHAR);
        out.writeVarLong((Character) v);
      }
      case ARRAY -> writeArray(v, c);
      case LIST, SET -> writeCollection((Collection<?>) v, v instanceof List ? Tag.LIST : Tag.SET);
      case MAP -> writeMap((Map<?, ?>) v);
      case ENUM -> {
        out.write(Tag.ENUM);
        writeClass(((Enum<?>) v).getDeclaringClass());
        out.writeVarLong(((Enum<?>) v).ordinal());
      }
      case OBJECT -> writeObject(v, ClassInfo.of(c));
      default ->
          throw new LabGobException(
              "a "
                  + c.getName()
                  + " cannot be sent. Send primitives, String, enums, arrays,"
                  + " List/Set/Map, records or your own classes");
    }
  }

  private void writeCollection(Collection<?> coll, byte tag) {
    enter();
    out.write(tag);
    out.writeVarLong(coll.size());
    int i = 0;
    for (Object e : coll) {
      try {
        writeValue(e);
      } catch (LabGobException x) {
        throw x.within("[" + i + "]");
      }
      i++;
    }
    depth--;
  }

  private void writeMap(Map<?, ?> map) {
    enter();
    out.write(Tag.MAP);
    out.writeVarLong(map.size());
    for (Map.Entry<?, ?> e : map.entrySet()) {
      try {
        writeValue(e.getKey());
        writeValue(e.getValue());
      } catch (LabGobException x) {
        throw x.within("[" + e.getKey() + "]");
      }
    }
    depth--;
  }

  private void writeObject(Object v, ClassInfo info) {
    enter();
    out.write(Tag.OBJECT);
    writeClass(info.type);
    for (FieldInfo f : info.fields) {
      try {
        writeField(v, f);
      } catch (LabGobException x) {
        throw x.within("." + f.name);
      } catch (IllegalAccessException x) {
        throw new LabGobException("cannot read field " + f.name + ": " + x.getMessage());
      }
    }
    depth--;
  }

  private void writeField(Object obj, FieldInfo f) throws IllegalAccessException {
    Class<?> t = f.type;
    if (!t.isPrimitive()) {
      writeValue(f.field.get(obj));
    } else if (t == int.class) {
      out.writeSignedVarLong(f.field.getInt(obj));
    } else if (t == long.class) {
      out.writeSignedVarLong(f.field.getLong(obj));
    } else if (t == boolean.class) {
      out.write(f.field.getBoolean(obj) ? 1 : 0);
    } else if (t == double.class) {
      out.writeFixedLong(Double.doubleToRawLongBits(f.field.getDouble(obj)));
    } else if (t == float.class) {
      out.writeVarLong(Float.floatToRawIntBits(f.field.getFloat(obj)) & 0xFFFFFFFFL);
    } else if (t == short.class) {
      out.writeSignedVarLong(f.field.getShort(obj));
    } else if (t == byte.class) {
      out.write(f.field.getByte(obj));
    } else {
      out.writeVarLong(f.field.getChar(obj));
    }
  }

  private void writeArray(Object v, Class<?> c) {
    Class<?> comp = c.getComponentType();
    if (comp == byte.class) {
      byte[] a = (byte[]) v;
      out.write(Tag.BYTES);
      out.writeVarLong(a.length);
      out.write(a, 0, a.length);
    } else if (comp == int.class) {
      int[] a = (int[]) v;
      out.write(Tag.INTS);
      out.writeVarLong(a.length);
      for (int x : a) {
        out.writeSignedVarLong(x);
      }
    } else if (comp == long.class) {
      long[] a = (long[]) v;
      out.write(Tag.LONGS);
      out.writeVarLong(a.length);
      for (long x : a) {
        out.writeSignedVarLong(x);
      }
    } else if (comp == boolean.class) {
      boolean[] a = (boolean[]) v;
      out.write(Tag.BOOLEANS);
      out.writeVarLong(a.length);
      for (boolean x : a) {
        out.write(x ? 1 : 0);
      }
    } else if (comp == double.class) {
      double[] a = (double[]) v;
      out.write(Tag.DOUBLES);
      out.writeVarLong(a.length);
      for (double x : a) {
        out.writeFixedLong(Double.doubleToRawLongBits(x));
      }
    } else if (comp == float.class) {
      float[] a = (float[]) v;
      out.write(Tag.FLOATS);
      out.writeVarLong(a.length);
      for (float x : a) {
        out.writeVarLong(Float.floatToRawIntBits(x) & 0xFFFFFFFFL);
      }
    } else if (comp == short.class) {
      short[] a = (short[]) v;
      out.write(Tag.SHORTS);
      out.writeVarLong(a.length);
      for (short x : a) {
        out.writeSignedVarLong(x);
      }
    } else if (comp == char.class) {
      char[] a = (char[]) v;
      out.write(Tag.CHARS);
      out.writeVarLong(a.length);
      for (char x : a) {
        out.writeVarLong(x);
      }
    } else {
      enter();
      out.write(Tag.ARRAY);
      writeClass(comp);
      int n = Array.getLength(v);
      out.writeVarLong(n);
      Object[] a = (Object[]) v;
      for (int i = 0; i < n; i++) {
        try {
          writeValue(a[i]);
        } catch (LabGobException x) {
          throw x.within("[" + i + "]");
        }
      }
      depth--;
    }
  }

  /** Writes a class once per message by name, afterwards by its number in this message. */
  private void writeClass(Class<?> c) {
    for (int i = 0; i < nclasses; i++) {
      if (classes[i] == c) {
        out.writeVarLong(i + 1);
        return;
      }
    }
    if (nclasses == classes.length) {
      classes = java.util.Arrays.copyOf(classes, nclasses * 2);
    }
    classes[nclasses++] = c;
    out.writeVarLong(0);
    out.writeString(c.getName());
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw new LabGobException(
          "values nested more than "
              + MAX_DEPTH
              + " levels deep: is there a reference cycle"
              + " (an object that refers back to itself or to its parent)? labgob, like gob,"
              + " cannot send cycles");
    }
  }
}
