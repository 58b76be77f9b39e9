package raft;

/** InstallSnapshot RPC arguments (Figure 13), sent whole in one RPC (no offset, no chunks). */
public class InstallSnapshotArgs {
  int term;
  int leaderId;
  int lastIncludedIndex;
  int lastIncludedTerm;
  byte[] data;

  InstallSnapshotArgs() {}

  InstallSnapshotArgs(
      int term, int leaderId, int lastIncludedIndex, int lastIncludedTerm, byte[] data) {
    this.term = term;
    this.leaderId = leaderId;
    this.lastIncludedIndex = lastIncludedIndex;
    this.lastIncludedTerm = lastIncludedTerm;
    this.data = data;
  }
}
