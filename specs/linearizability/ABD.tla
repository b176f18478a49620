-------------------------------- MODULE ABD --------------------------------
(***************************************************************************)
(* A replicated atomic register: the single-writer, multi-reader          *)
(* algorithm of Attiya, Bar-Noy and Dolev ("Sharing memory robustly in    *)
(* message-passing systems").  Replicas each hold a timestamped value;    *)
(* clients talk to quorums of replicas (any two quorums intersect).       *)
(*                                                                         *)
(*   write(v): the writer gives v the next timestamp and sends it to all  *)
(*             replicas; a replica keeps the pair if the timestamp is     *)
(*             newer than its own; the write completes when a quorum has  *)
(*             acknowledged.                                              *)
(*   read():   phase 1 (query) asks all replicas and waits for a quorum   *)
(*             of replies, keeping the pair with the highest timestamp;   *)
(*             phase 2 (write-back) stores that pair at a quorum, exactly *)
(*             like a write, and only then returns the value.            *)
(*                                                                         *)
(* The write-back is what makes reads linearizable: once a read returns   *)
(* v, a quorum holds v (or newer), so every later read sees it.  Without  *)
(* it a later read can return an older value than an earlier read: the    *)
(* "new/old inversion" that MCABDNoWriteBack exhibits.                    *)
(*                                                                         *)
(* Clients record the history of their operations in `ops`, which is      *)
(* checked with Linearizability.tla after every step.                     *)
(*                                                                         *)
(* The network `msgs` is a set of messages that are never removed:        *)
(* delivery in any order, any number of times, or never.  Replies carry   *)
(* the operation's id, so a client ignores replies to older operations.   *)
(***************************************************************************)
EXTENDS Naturals, FiniteSets

CONSTANTS
  Replica,   \* the replicas
  Writer,    \* the single writing client
  Reader,    \* the reading clients
  Quorum,    \* sets of replicas; any two must intersect
  MaxWrites, \* how many writes the writer makes (to keep the model finite)
  MaxReads   \* how many reads each reader makes

ASSUME /\ Quorum \subseteq SUBSET Replica
       /\ Writer \notin Reader
       /\ MaxWrites \in Nat /\ MaxReads \in Nat

Client == {Writer} \cup Reader

(* The register's initial value; the writer writes 1, 2, 3, ... *)
InitValue == 0

VARIABLES
  store,   \* store[r]: the [ts, val] pair replica r holds
  msgs,    \* every message sent so far
  client,  \* client[c]: the state of c's current operation
  nops,    \* nops[c]: how many operations c has invoked
  ops      \* the history: a set of operation records (see Linearizability)

vars == <<store, msgs, client, nops, ops>>

L == INSTANCE Linearizability

(* A client between operations. *)
Idle == [phase |-> "idle", ts |-> 0, val |-> InitValue]

Init ==
  /\ store = [r \in Replica |-> [ts |-> 0, val |-> InitValue]]
  /\ msgs = {}
  /\ client = [c \in Client |-> Idle]
  /\ nops = [c \in Client |-> 0]
  /\ ops = {}

(* The id of client c's current operation. *)
OpId(c) == <<c, nops[c]>>

(* Record a new operation of c in the history. *)
Invoke(c, f, arg) ==
  /\ nops' = [nops EXCEPT ![c] = @ + 1]
  /\ ops' = ops \cup {[id |-> <<c, nops[c] + 1>>, f |-> f, arg |-> arg, ret |-> InitValue,
                       done |-> FALSE, after |-> {o.id : o \in {p \in ops : p.done}}]}

(* Record the response of c's current operation. *)
Respond(c, ret) ==
  ops' = {IF o.id = OpId(c) THEN [o EXCEPT !.ret = ret, !.done = TRUE] ELSE o : o \in ops}

(* Send a store request for pair [ts, val] on behalf of c's operation. *)
SendStore(c, ts, val) ==
  msgs' = msgs \cup {[type |-> "store", op |-> OpId(c), ts |-> ts, val |-> val]}

(* ---- writer ---- *)

BeginWrite ==
  /\ client[Writer].phase = "idle"
  /\ nops[Writer] < MaxWrites
  /\ LET ts == nops[Writer] + 1
     IN /\ Invoke(Writer, "write", ts)
        /\ client' = [client EXCEPT ![Writer] = [phase |-> "store", ts |-> ts, val |-> ts]]
        /\ msgs' = msgs \cup {[type |-> "store", op |-> <<Writer, ts>>, ts |-> ts, val |-> ts]}
  /\ UNCHANGED store

(* ---- readers ---- *)

BeginRead(c) ==
  /\ client[c].phase = "idle"
  /\ nops[c] < MaxReads
  /\ Invoke(c, "read", InitValue)
  /\ client' = [client EXCEPT ![c] = [Idle EXCEPT !.phase = "query"]]
  /\ msgs' = msgs \cup {[type |-> "query", op |-> <<c, nops[c] + 1>>]}
  /\ UNCHANGED store

(* The replies to c's current query from the replicas in Q.  Each replica *)
(* answers a request once (see ReplicaQuery), so there is one per member. *)
Replies(c, Q) == {m \in msgs : m.type = "value" /\ m.op = OpId(c) /\ m.src \in Q}

(* Whether every member of Q replied to c's query. *)
QuorumReplied(c, Q) == \A r \in Q : \E m \in Replies(c, Q) : m.src = r

(* The reply with the highest timestamp (ties carry the same value: there *)
(* is a single writer).                                                   *)
Newest(replies) == CHOOSE m \in replies : \A m2 \in replies : m2.ts <= m.ts

(* A quorum replied: write the newest pair back.  Which replies arrive    *)
(* first does not matter, only which quorum the reader waits for, so      *)
(* collecting the replies is one step.                                    *)
BeginWriteBack(c) ==
  /\ client[c].phase = "query"
  /\ \E Q \in Quorum :
       /\ QuorumReplied(c, Q)
       /\ LET best == Newest(Replies(c, Q))
          IN /\ client' = [client EXCEPT ![c] = [phase |-> "store", ts |-> best.ts, val |-> best.val]]
             /\ SendStore(c, best.ts, best.val)
  /\ UNCHANGED <<store, nops, ops>>

(* ---- both: the store phase ---- *)

(* A quorum stored the pair: the operation completes.  A write returns   *)
(* nothing (recorded as its argument), a read the value it wrote back.   *)
Complete(c) ==
  /\ client[c].phase = "store"
  /\ \E Q \in Quorum :
       \A r \in Q : [type |-> "ack", op |-> OpId(c), src |-> r] \in msgs
  /\ Respond(c, client[c].val)
  /\ client' = [client EXCEPT ![c] = Idle]
  /\ UNCHANGED <<store, msgs, nops>>

(* ---- replicas ---- *)

(* Whether replica r has already answered the request of operation op.  *)
(* A replica answers each request once: resending, as implementations do *)
(* on timeouts, only adds copies of replies that clients count once per  *)
(* replica anyway, and would make the model much larger.                 *)
Answered(r, op, type) == \E m \in msgs : m.type = type /\ m.op = op /\ m.src = r

ReplicaQuery(r) ==
  \E m \in msgs :
    /\ m.type = "query"
    /\ ~Answered(r, m.op, "value")
    /\ msgs' = msgs \cup {[type |-> "value", op |-> m.op, src |-> r,
                           ts |-> store[r].ts, val |-> store[r].val]}
    /\ UNCHANGED <<store, client, nops, ops>>

ReplicaStore(r) ==
  \E m \in msgs :
    /\ m.type = "store"
    /\ ~Answered(r, m.op, "ack")
    /\ IF m.ts > store[r].ts
         THEN store' = [store EXCEPT ![r] = [ts |-> m.ts, val |-> m.val]]
         ELSE UNCHANGED store
    /\ msgs' = msgs \cup {[type |-> "ack", op |-> m.op, src |-> r]}
    /\ UNCHANGED <<client, nops, ops>>

(* Every operation has completed: the system idles (not a deadlock). *)
Finished ==
  /\ \A c \in Client : client[c].phase = "idle"
  /\ nops[Writer] = MaxWrites
  /\ \A c \in Reader : nops[c] = MaxReads
  /\ UNCHANGED vars

Next ==
  \/ BeginWrite
  \/ \E c \in Reader : BeginRead(c) \/ BeginWriteBack(c)
  \/ \E c \in Client : Complete(c)
  \/ \E r \in Replica : ReplicaQuery(r) \/ ReplicaStore(r)
  \/ Finished

Spec == Init /\ [][Next]_vars

-----------------------------------------------------------------------------
(* The clients' history is linearizable for a register starting at 0. *)
Linearizable == L!IsLinearizableRegister(ops, InitValue)

(* Replicas only ever hold values the writer wrote, with their timestamp. *)
StoreWellFormed == \A r \in Replica : store[r].val = store[r].ts
=============================================================================
