-------------------------------- MODULE Graphs -------------------------------
(***************************************************************************)
(* Directed graphs as records [node |-> N, edge |-> E], E a set of pairs   *)
(* <<from, to>> of nodes.                                                  *)
(***************************************************************************)
LOCAL INSTANCE Naturals
LOCAL INSTANCE Sequences
LOCAL INSTANCE SequencesExt
LOCAL INSTANCE FiniteSets

IsDirectedGraph(G) ==
  /\ G = [node |-> G.node, edge |-> G.edge]
  /\ G.edge \subseteq G.node \X G.node

DirectedSubgraph(G) ==
  {H \in [node : SUBSET G.node, edge : SUBSET (G.node \X G.node)] :
     IsDirectedGraph(H) /\ H.edge \subseteq G.edge}

\* The graph with every edge reversed.
Transpose(G) == [node |-> G.node, edge |-> {<<e[2], e[1]>> : e \in G.edge}]

IsUndirectedGraph(G) ==
  IsDirectedGraph(G) /\ \A e \in G.edge : <<e[2], e[1]>> \in G.edge

UndirectedSubgraph(G) == {H \in DirectedSubgraph(G) : IsUndirectedGraph(H)}

\* Non-empty sequences of nodes, each consecutive pair an edge.
Path(G) ==
  {p \in Seq(G.node) : p # <<>> /\ \A i \in 1 .. Len(p) - 1 : <<p[i], p[i + 1]>> \in G.edge}

\* Paths without a repeated node (so at most as long as there are nodes).
SimplePath(G) ==
  {p \in SeqOf(G.node, Cardinality(G.node)) :
     /\ p # <<>>
     /\ Cardinality(ToSet(p)) = Len(p)
     /\ \A i \in 1 .. Len(p) - 1 : <<p[i], p[i + 1]>> \in G.edge}

AreConnectedIn(m, n, G) == \E p \in SimplePath(G) : p[1] = m /\ p[Len(p)] = n

(***************************************************************************)
(* For each pair of nodes, whether a path links them (a node reaches       *)
(* itself): Warshall's algorithm, admitting the nodes one by one as inner  *)
(* nodes of the paths.                                                     *)
(***************************************************************************)
ConnectionsIn(G) ==
  LET Via[N \in SUBSET G.node] ==
        IF N = {} THEN [m, n \in G.node |-> m = n \/ <<m, n>> \in G.edge]
        ELSE LET u == CHOOSE u \in N : TRUE
                 C == Via[N \ {u}]
             IN  [m, n \in G.node |-> C[m, n] \/ (C[m, u] /\ C[u, n])]
  IN  Via[G.node]

IsStronglyConnected(G) == \A m, n \in G.node : AreConnectedIn(m, n, G)

\* Every node but the root has exactly one outgoing edge and leads to the root.
IsTreeWithRoot(G, r) ==
  /\ IsDirectedGraph(G)
  /\ \A e \in G.edge : e[1] # r /\ \A f \in G.edge : e[1] = f[1] => e = f
  /\ \A n \in G.node : AreConnectedIn(n, r, G)

=============================================================================
