// Part of the shadow-tester submission: a class with the name of the tester's raft.RaftTester.
// If the JVM loaded this one instead of the tester's, the test would fail with a
// NoSuchMethodError, not with the tester's own message.
package raft;

public class RaftTester {
  public static boolean checkOneLeader() {
    return true;
  }
}
