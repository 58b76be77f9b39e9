package grading.verdict;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret of one child JVM's run: 32 random bytes that the grader hands to the child on its
 * standard input, before any class of the code under test is loaded. Every record the child writes
 * carries an HMAC-SHA256 of its text under this key, so a record that the code under test writes
 * (or a copy of a record, edited) is recognized as forged. The key never appears in a record, on a
 * command line, in a system property or in the environment.
 */
public final class RunKey {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final byte[] bytes;

  private RunKey(byte[] bytes) {
    this.bytes = bytes.clone();
  }

  /** A fresh key, for one child JVM. */
  public static RunKey random() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return new RunKey(b);
  }

  /** The key as the grader writes it to the child's standard input. */
  public String hex() {
    return HexFormat.of().formatHex(bytes);
  }

  /** The key read back from {@link #hex()}. */
  public static RunKey fromHex(String hex) {
    byte[] b = HexFormat.of().parseHex(hex.trim());
    if (b.length != 32) {
      throw new IllegalArgumentException("a run key has 32 bytes, not " + b.length);
    }
    return new RunKey(b);
  }

  /** The HMAC-SHA256 of {@code text} under this key, in hex. */
  public String sign(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(bytes, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /** Whether {@code signature} is this key's signature of {@code text} (in constant time). */
  public boolean verifies(String text, String signature) {
    return MessageDigest.isEqual(
        sign(text).getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII));
  }
}
