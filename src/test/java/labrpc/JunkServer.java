package labrpc;

import java.util.ArrayList;
import java.util.List;

/** The handlers of Go's labrpc self-tests, in Java shape (replies are objects to fill in). */
public class JunkServer {
  final List<String> log1 = new ArrayList<>();
  final List<Integer> log2 = new ArrayList<>();

  /** A reply holding an int. */
  public static class IntReply {
    int x;
  }

  /** A reply holding a string. */
  public static class StringReply {
    String x;
  }

  /** Arguments as a plain class. */
  public static class JunkArgs {
    int x;
  }

  /** Arguments as a record. */
  public record JunkRecordArgs(int x, String y) {}

  /** The reply of handler4 and handler5. */
  public static class JunkReply {
    String x;
  }

  public void handler1(String args, IntReply reply) {
    synchronized (this) {
      log1.add(args);
    }
    reply.x = Integer.parseInt(args);
  }

  public void handler2(Integer args, StringReply reply) {
    synchronized (this) {
      log2.add(args);
    }
    reply.x = "handler2-" + args;
  }

  /** Blocks for 20 s, like a server stuck on a lock. */
  public void handler3(Integer args, IntReply reply) throws InterruptedException {
    Thread.sleep(20_000);
    reply.x = -args;
  }

  public void handler4(JunkArgs args, JunkReply reply) {
    reply.x = "class";
  }

  public void handler5(JunkRecordArgs args, JunkReply reply) {
    reply.x = "record " + args.y();
  }

  public void handler6(String args, IntReply reply) {
    reply.x = args.length();
  }

  public void handler7(Integer args, StringReply reply) {
    reply.x = "y".repeat(args);
  }

  /** A handler with a bug. */
  public void crash(Integer args, IntReply reply) {
    throw new IllegalStateException("handler bug " + args);
  }

  synchronized int log2Size() {
    return log2.size();
  }
}
