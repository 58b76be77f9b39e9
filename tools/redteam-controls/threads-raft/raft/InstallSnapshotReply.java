package raft;

/** InstallSnapshot RPC reply (Figure 13). */
public class InstallSnapshotReply {
  int term;
}
