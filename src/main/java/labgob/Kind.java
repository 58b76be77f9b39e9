package labgob;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the encoder writes a runtime class, worked out once per class: encoding a long log then costs
 * one lookup per entry instead of a chain of type tests and class-name checks.
 */
enum Kind {
  INT,
  STRING,
  LONG,
  BOOLEAN,
  DOUBLE,
  FLOAT,
  SHORT,
  BYTE,
  CHAR,
  ARRAY,
  LIST,
  SET,
  MAP,
  ENUM,
  OBJECT,
  UNSUPPORTED;

  private static final ClassValue<Kind> KINDS =
      new ClassValue<>() {
        @Override
        protected Kind computeValue(Class<?> c) {
          return classify(c);
        }
      };

  static Kind of(Class<?> c) {
    return KINDS.get(c);
  }

  private static Kind classify(Class<?> c) {
    if (c == Integer.class) {
      return INT;
    } else if (c == String.class) {
      return STRING;
    } else if (c == Long.class) {
      return LONG;
    } else if (c == Boolean.class) {
      return BOOLEAN;
    } else if (c == Double.class) {
      return DOUBLE;
    } else if (c == Float.class) {
      return FLOAT;
    } else if (c == Short.class) {
      return SHORT;
    } else if (c == Byte.class) {
      return BYTE;
    } else if (c == Character.class) {
      return CHAR;
    } else if (c.isArray()) {
      return ARRAY;
    } else if (List.class.isAssignableFrom(c)) {
      return LIST;
    } else if (Set.class.isAssignableFrom(c)) {
      return SET;
    } else if (Map.class.isAssignableFrom(c)) {
      return MAP;
    } else if (Enum.class.isAssignableFrom(c)) {
      return ENUM;
    } else if (ClassInfo.isJdk(c)) {
      return UNSUPPORTED;
    }
    return OBJECT;
  }
}
