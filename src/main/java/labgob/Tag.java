package labgob;

/**
 * The one-byte tags that start every value whose type is not known from a declared primitive field.
 * Primitive fields are written without a tag, which keeps a message about as small as Go's gob
 * makes it: a 5,000-character string costs 5,000 bytes and a few more.
 */
final class Tag {
  static final byte NULL = 0;
  static final byte TRUE = 1;
  static final byte FALSE = 2;
  static final byte INT = 3;
  static final byte LONG = 4;
  static final byte DOUBLE = 5;
  static final byte FLOAT = 6;
  static final byte SHORT = 7;
  static final byte BYTE = 8;
  static final byte CHAR = 9;
  static final byte STRING = 10;
  static final byte BYTES = 11;
  static final byte INTS = 12;
  static final byte LONGS = 13;
  static final byte BOOLEANS = 14;
  static final byte DOUBLES = 15;
  static final byte FLOATS = 16;
  static final byte SHORTS = 17;
  static final byte CHARS = 18;
  static final byte ARRAY = 19;
  static final byte LIST = 20;
  static final byte SET = 21;
  static final byte MAP = 22;
  static final byte ENUM = 23;
  static final byte OBJECT = 24;

  private Tag() {}
}
