package raft;

import java.util.List;

/** AppendEntries RPC arguments (Figure 2); no entries means a heartbeat. */
public class AppendEntriesArgs {
  int term;
  int leaderId;
  int prevLogIndex;
  int prevLogTerm;
  List<LogEntry> entries;
  int leaderCommit;

  AppendEntriesArgs() {}

  AppendEntriesArgs(
      int term,
      int leaderId,
      int prevLogIndex,
      int prevLogTerm,
      List<LogEntry> entries,
      int leaderCommit) {
    this.term = term;
    this.leaderId = leaderId;
    this.prevLogIndex = prevLogIndex;
    this.prevLogTerm = prevLogTerm;
    this.entries = entries;
    this.leaderCommit = leaderCommit;
  }
}
