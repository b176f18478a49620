------------------------------ MODULE RaftTrace ------------------------------
(* Trace validation of Raft in the style trace specs are written for TLC: *)
(* the log of a run (synod sim raft --out DIR --events: DIR/events.ndjson, *)
(* plain JSON, one event per line) is read with ndJsonDeserialize from the *)
(* file named by the environment variable JSON, and log line l must be    *)
(* matched by the step from level l to level l + 1: the action the event  *)
(* names, applied to the node and message it logs, with every value it    *)
(* logs on the primed variables.                                          *)
(*                                                                        *)
(*   synod trace validate --trace-spec specs/raft/RaftTrace.tla \         *)
(*       --trace DIR/events.ndjson                                        *)
(*   JSON=DIR/events.ndjson synod check specs/raft/RaftTrace.tla          *)
(*                                                                        *)
(* Node names, server states and Nil are strings (the cfg substitutes     *)
(* them for the model values of Raft.tla).                                *)
EXTENDS Raft, Json, IOUtils, TLC, Sequences, SequencesExt

TraceLog == ndJsonDeserialize(IOEnv.JSON)

\* Whether record r has field f. An empty JSON object reads as the empty
\* function <<>>, whose domain 1..0 cannot be asked about strings.
Has(r, f) == DOMAIN r # {} /\ f \in DOMAIN r

\* Constants sized from the log (RaftTrace.cfg: Server <- TraceServer, ...).
TraceServer ==
    UNION {{TraceLog[k].node} \cup {m.mdest : m \in ToSet(IF Has(TraceLog[k], "sent")
                                                          THEN TraceLog[k].sent ELSE <<>>)}
             : k \in DOMAIN TraceLog} \ {"net", "nemesis"}
TraceValue ==
    {Last(TraceLog[k].vars.log).value :
        k \in {j \in DOMAIN TraceLog : TraceLog[j].action = "ClientRequest"}}
TraceNil == "Nil"
TraceFollower == "Follower"
TraceCandidate == "Candidate"
TraceLeader == "Leader"

VARIABLE l


event == TraceLog[l]

TraceInit == Init /\ l = 1

\* The values the event logs for its node, after the step.
Logged ==
    LET i == event.node
        v == event.vars
    IN /\ Has(v, "currentTerm") => currentTerm'[i] = v.currentTerm
       /\ Has(v, "state") => state'[i] = v.state
       /\ Has(v, "votedFor") => votedFor'[i] = v.votedFor
       /\ Has(v, "log") => log'[i] = v.log
       /\ Has(v, "commitIndex") => commitIndex'[i] = v.commitIndex
       /\ Has(v, "votesGranted") => votesGranted'[i] = ToSet(v.votesGranted)
       /\ Has(v, "nextIndex") => nextIndex'[i] = v.nextIndex
       /\ Has(v, "matchIndex") => matchIndex'[i] = v.matchIndex

\* The messages the event sends are on the network after it.
Sent == Has(event, "sent") => \A k \in DOMAIN event.sent : InBag(event.sent[k], messages')

\* The message the event receives is on the network.
Received == InBag(event.msg, messages)

IsEvent(name) == event.action = name

Step ==
    CASE IsEvent("Timeout") -> Timeout(event.node)
      [] IsEvent("RequestVote") -> RequestVote(event.node, event.sent[1].mdest)
      [] IsEvent("UpdateTerm") -> Received /\ UpdateTerm(event.node, event.msg)
      [] IsEvent("HandleRequestVoteRequest") -> Received /\ HandleRequestVoteRequest(event.node, event.msg)
      [] IsEvent("HandleRequestVoteResponse") -> Received /\ HandleRequestVoteResponse(event.node, event.msg)
      [] IsEvent("BecomeLeader") -> BecomeLeader(event.node)
      [] IsEvent("ClientRequest") -> ClientRequest(event.node, Last(event.vars.log).value)
      [] IsEvent("AppendEntries") ->
            AppendEntriesBatch(event.node, event.sent[1].mdest, Len(event.sent[1].mentries))
      [] IsEvent("HandleAppendEntriesRequest") -> Received /\ HandleAppendEntriesRequest(event.node, event.msg)
      [] IsEvent("HandleAppendEntriesResponse") -> Received /\ HandleAppendEntriesResponse(event.node, event.msg)
      [] IsEvent("AdvanceCommitIndex") -> AdvanceCommitIndex(event.node)
      [] IsEvent("DropStaleResponse") -> Received /\ DropStaleResponse(event.node, event.msg)
      [] IsEvent("Restart") -> Restart(event.node)
      [] IsEvent("DropMessage") -> Received /\ DropMessage(event.msg)
      [] IsEvent("DuplicateMessage") -> Received /\ DuplicateMessage(event.msg)
      \* a crash is one step with the restart; partitions only drop messages
      [] event.action \in {"Crash", "Partition", "Heal"} -> UNCHANGED vars

TraceNext ==
    /\ l <= Len(TraceLog)
    /\ Step
    /\ Logged
    /\ Sent
    /\ l' = l + 1

\* The verdict for synod check (TLC): a behaviour reached the end of the log.
TraceAccepted ==
    LET d == TLCGet("stats").diameter
    IN IF d - 1 = Len(TraceLog) THEN TRUE
       ELSE Print(<<"no step of Raft matches log line", d, TraceLog[d]>>, FALSE)
==============================================================================
