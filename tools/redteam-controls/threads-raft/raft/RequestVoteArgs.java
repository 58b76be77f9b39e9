package raft;

/** RequestVote RPC arguments (Figure 2). */
public class RequestVoteArgs {
  int term;
  int candidateId;
  int lastLogIndex;
  int lastLogTerm;

  RequestVoteArgs() {}

  RequestVoteArgs(int term, int candidateId, int lastLogIndex, int lastLogTerm) {
    this.term = term;
    this.candidateId = candidateId;
    this.lastLogIndex = lastLogIndex;
    this.lastLogTerm = lastLogTerm;
  }
}
