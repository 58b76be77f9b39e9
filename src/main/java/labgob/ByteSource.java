package labgob;

import java.nio.charset.StandardCharsets;

/** Reads what {@link ByteSink} wrote; a truncated or corrupt input gives a clear error. */
final class ByteSource {
  private final byte[] buf;
  private int pos;

  ByteSource(byte[] buf) {
    this.buf = buf;
  }

  boolean hasMore() {
    return pos < buf.length;
  }

  int read() {
    if (pos >= buf.length) {
      throw new LabGobException(
          "unexpected end of data after "
              + pos
              + " bytes: decoding more values than were"
              + " encoded, or decoding bytes that labgob did not write");
    }
    return buf[pos++] & 0xFF;
  }

  byte[] readBytes(int len) {
    if (len < 0 || pos + len > buf.length) {
      throw new LabGobException("corrupt data: a length of " + len + " at byte " + pos);
    }
    byte[] out = new byte[len];
    System.arraycopy(buf, pos, out, 0, len);
    pos += len;
    return out;
  }

  long readVarLong() {
    long v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int b = read();
      v |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return v;
      }
    }
    throw new LabGobException("corrupt data: a number longer than 10 bytes at byte " + pos);
  }

  long readSignedVarLong() {
    long v = readVarLong();
    return (v >>> 1) ^ -(v & 1);
  }

  int readLength() {
    long n = readVarLong();
    if (n < 0 || n > buf.length - pos + 16L * 1024 * 1024) {
      throw new LabGobException("corrupt data: a length of " + n + " at byte " + pos);
    }
    return (int) n;
  }

  long readFixedLong() {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v |= (long) read() << (8 * i);
    }
    return v;
  }

  String readString() {
    int len = readLength();
    if (pos + len > buf.length) {
      throw new LabGobException("corrupt data: a string of " + len + " bytes at byte " + pos);
    }
    String s = new String(buf, pos, len, StandardCharsets.UTF_8);
    pos += len;
    return s;
  }
}
