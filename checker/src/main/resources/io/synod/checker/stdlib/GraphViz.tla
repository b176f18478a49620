------------------------------- MODULE GraphViz -------------------------------
(***************************************************************************)
(* DotDiGraph(G, VL, EL): the directed graph G = [node, edge] in GraphViz *)
(* DOT syntax, each node labelled VL(node) and each edge <<a, b>> labelled  *)
(* EL(<<a, b>>). Computed natively; as a formula it is a string.           *)
(***************************************************************************)

DotDiGraph(G, VL(_), EL(_)) == CHOOSE s \in STRING : TRUE
  \* native

=============================================================================
