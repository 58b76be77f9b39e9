package labgob;

import java.lang.reflect.Field;

/** One field that labgob sends: its reflective handle and, for primitives, which kind. */
final class FieldInfo {
  final Field field;
  final Class<?> type;
  final String name;

  FieldInfo(Field field) {
    this.field = field;
    this.type = field.getType();
    this.name = field.getName();
    try {
      field.setAccessible(true);
    } catch (RuntimeException e) {
      throw new LabGobException(
          "cannot access field "
              + field.getDeclaringClass().getName()
              + "."
              + name
              + ": "
              + e.getMessage());
    }
  }
}
