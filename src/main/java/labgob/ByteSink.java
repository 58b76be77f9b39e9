package labgob;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer with the few primitives the encoder needs (varints, raw bytes). */
final class ByteSink {
  private byte[] buf = new byte[64];
  private int size;

  void write(int b) {
    if (size == buf.length) {
      buf = Arrays.copyOf(buf, size * 2);
    }
    buf[size++] = (byte) b;
  }

  void write(byte[] bytes, int off, int len) {
    if (size + len > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + len));
    }
    System.arraycopy(bytes, off, buf, size, len);
    size += len;
  }

  /** Unsigned LEB128: small numbers (terms, indexes, lengths) take one byte. */
  void writeVarLong(long v) {
    if (size + 10 > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + 10));
    }
    byte[] b = buf;
    int n = size;
    while ((v & ~0x7FL) != 0) {
      b[n++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    b[n++] = (byte) v;
    size = n;
  }

  /** Zig-zag first, so that small negative numbers (votedFor = -1) stay small too. */
  void writeSignedVarLong(long v) {
    writeVarLong((v << 1) ^ (v >> 63));
  }

  void writeFixedLong(long v) {
    for (int i = 0; i < 8; i++) {
      write((int) (v >>> (8 * i)));
    }
  }

  void writeString(String s) {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    writeVarLong(utf8.length);
    write(utf8, 0, utf8.length);
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }
}
