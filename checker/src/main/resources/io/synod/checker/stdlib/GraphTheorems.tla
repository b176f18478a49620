------------------------------ MODULE GraphTheorems ------------------------------
(***************************************************************************)
(* Facts about the operators of Graphs (statements only; proofs omitted).  *)
(***************************************************************************)
EXTENDS Graphs, Naturals, Sequences, FiniteSets

THEOREM TransposeIsDirectedGraph ==
  ASSUME NEW G, IsDirectedGraph(G)
  PROVE  IsDirectedGraph(Transpose(G))

THEOREM TransposeInvolutive ==
  ASSUME NEW G, IsDirectedGraph(G)
  PROVE  Transpose(Transpose(G)) = G

THEOREM SingleNodeIsSimplePath ==
  ASSUME NEW G, IsDirectedGraph(G), IsFiniteSet(G.node), NEW n \in G.node
  PROVE  <<n>> \in SimplePath(G)

THEOREM SimplePathIsPath ==
  ASSUME NEW G, IsDirectedGraph(G), IsFiniteSet(G.node)
  PROVE  SimplePath(G) \subseteq Path(G)

THEOREM ConnectedIffConnection ==
  ASSUME NEW G, IsDirectedGraph(G), IsFiniteSet(G.node), NEW m \in G.node, NEW n \in G.node
  PROVE  AreConnectedIn(m, n, G) <=> ConnectionsIn(G)[m, n]

=============================================================================
