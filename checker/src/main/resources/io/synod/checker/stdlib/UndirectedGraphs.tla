--------------------------- MODULE UndirectedGraphs ---------------------------
(***************************************************************************)
(* Undirected graphs as records [node |-> N, edge |-> E], each edge a set  *)
(* {a, b} of nodes ({a} for a loop).                                       *)
(***************************************************************************)
LOCAL INSTANCE Naturals
LOCAL INSTANCE Sequences
LOCAL INSTANCE SequencesExt
LOCAL INSTANCE FiniteSets

IsUndirectedGraph(G) ==
  /\ G = [node |-> G.node, edge |-> G.edge]
  /\ \A e \in G.edge : \E a, b \in G.node : e = {a, b}

IsLoopFreeUndirectedGraph(G) ==
  /\ G = [node |-> G.node, edge |-> G.edge]
  /\ \A e \in G.edge : \E a, b \in G.node : a # b /\ e = {a, b}

UndirectedSubgraph(G) ==
  {H \in [node : SUBSET G.node, edge : SUBSET G.edge] : IsUndirectedGraph(H)}

\* Non-empty sequences of nodes, each consecutive pair joined by an edge.
Path(G) ==
  {p \in Seq(G.node) : p # <<>> /\ \A i \in 1 .. Len(p) - 1 : {p[i], p[i + 1]} \in G.edge}

\* Paths without a repeated node.
SimplePath(G) ==
  {p \in SeqOf(G.node, Cardinality(G.node)) :
     /\ p # <<>>
     /\ Cardinality(ToSet(p)) = Len(p)
     /\ \A i \in 1 .. Len(p) - 1 : {p[i], p[i + 1]} \in G.edge}

\* Connected by some path, hence by a simple one.
AreConnectedIn(m, n, G) == \E p \in SimplePath(G) : p[1] = m /\ p[Len(p)] = n
  \* native: reachability over G.edge

(***************************************************************************)
(* The maximal non-empty sets of nodes any two of which are connected: the *)
(* nodes connected to a node, for each node.                               *)
(***************************************************************************)
ConnectedComponents(G) ==
  {{m \in G.node : AreConnectedIn(n, m, G)} : n \in G.node}
  \* native: reachability over G.edge

IsStronglyConnected(G) == ConnectedComponents(G) = {G.node}

\* Every undirected graph over the nodes S.
UndirectedGraphs(S) == [node : {S}, edge : SUBSET {{s, t} : <<s, t>> \in S \X S}]

=============================================================================
