package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.synod.checker.value.IntValue;
import io.synod.checker.value.Value;
import java.util.ArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The community modules Synod ships, each operator against a value worked out from its meaning. */
class CommunityModulesTest {

  private static String show(String extend, String expr) {
    String module = "---- MODULE Test ----\nEXTENDS Integers, Sequences, FiniteSets, TLC, " + extend
        + "\nVARIABLE x\nInit == x = 0\nNext == x' = x\n"
        + "G == [node |-> {1, 2, 3, 4}, edge |-> {<<1, 2>>, <<2, 3>>, <<3, 1>>}]\n"
        + "U == [node |-> {1, 2, 3, 4}, edge |-> {{1, 2}, {2, 3}}]\n"
        + "E == " + expr + "\n====\n";
    CompiledSpec spec = Fixtures.inline(module, "INIT Init\nNEXT Next\n", new ArrayList<>());
    Ctx c = spec.newContext(0, s -> { });
    return spec.evaluate(spec.definition("E"), c, new Value[] {IntValue.ZERO}, null).toString();
  }

  @ParameterizedTest(name = "{0}: {1} = {2}")
  @CsvSource(delimiterString = " => ", textBlock = """
      Bitwise => 12 & 10 => 8
      Bitwise => 12 | 10 => 14
      Bitwise => 12 ^^ 10 => 6
      Bitwise => 0 ^^ 5 => 5
      Bitwise => shiftR(13, 2) => 3
      Bitwise => (2^20 + 5) & 7 => 5
      Combinatorics => factorial[5] => 120
      Combinatorics => choose(5, 2) => 10
      Combinatorics => choose(4, 0) => 1
      Statistics => ChiSquare(<<1, 1>>, <<1, 1>>, "0.05") => TRUE
      BagsExt => BagAdd(<<1>>, 1) => <<2>>
      BagsExt => BagAdd(<<1>>, 2) => <<1, 1>>
      BagsExt => BagRemove((1 :> 2 @@ 2 :> 1), 2) => <<2>>
      BagsExt => BagRemove((1 :> 2), 1) => <<1>>
      BagsExt => BagRemove((1 :> 2), 3) => <<2>>
      BagsExt => BagRemoveAll((1 :> 2 @@ 2 :> 1), 1) => (2 :> 1)
      BagsExt => SumBag((1 :> 2 @@ 2 :> 1 @@ 3 :> 3)) => 13
      BagsExt => ProductBag((2 :> 3 @@ 5 :> 1)) => 40
      BagsExt => FoldBag(LAMBDA e, acc : acc + 1, 0, (1 :> 2 @@ 2 :> 1 @@ 3 :> 3)) => 6
      BagsExt => MapThenFoldBag(LAMBDA a, b : a \\o b, <<>>, LAMBDA e : <<e>>, LAMBDA S : CHOOSE e \\in S : \\A y \\in S : e <= y, (1 :> 2 @@ 2 :> 1 @@ 3 :> 3)) => <<1, 1, 2, 3, 3, 3>>
      Quorum => Cardinality(QuorumSystem({1, 2, 3})) => 11
      Quorum => {{1, 2}, {1, 3}, {2, 3}, {1, 2, 3}} \\in QuorumSystem({1, 2, 3}) => TRUE
      Quorum => {{1}, {2}} \\in QuorumSystem({1, 2}) => FALSE
      DyadicRationals => Add(Half(One), Half(Half(One))) => [num |-> 3, den |-> 4]
      DyadicRationals => Add(Half(One), Half(One)) => [num |-> 1, den |-> 1]
      DyadicRationals => PrettyPrint(Half(Half(One))) => "1/4"
      DyadicRationals => IsDyadicRational([num |-> 1, den |-> 6]) => FALSE
      DyadicRationals => Add(Zero, Half(One)) = Half(One) => TRUE
      Graphs => IsDirectedGraph(G) => TRUE
      Graphs => Transpose(G).edge => {<<1, 3>>, <<2, 1>>, <<3, 2>>}
      Graphs => IsUndirectedGraph(G) => FALSE
      Graphs => AreConnectedIn(1, 3, G) => TRUE
      Graphs => AreConnectedIn(1, 4, G) => FALSE
      Graphs => <<1, 2, 3, 1, 2>> \\in Path(G) => TRUE
      Graphs => Cardinality(SimplePath(G)) => 10
      Graphs => ConnectionsIn(G)[3, 2] /\\ ~ConnectionsIn(G)[4, 1] /\\ ConnectionsIn(G)[4, 4] => TRUE
      Graphs => IsStronglyConnected([node |-> {1, 2, 3}, edge |-> G.edge]) => TRUE
      Graphs => IsTreeWithRoot([node |-> {1, 2, 3}, edge |-> {<<2, 1>>, <<3, 1>>}], 1) => TRUE
      UndirectedGraphs => IsUndirectedGraph(U) /\\ IsLoopFreeUndirectedGraph(U) => TRUE
      UndirectedGraphs => AreConnectedIn(3, 1, U) => TRUE
      UndirectedGraphs => AreConnectedIn(1, 4, U) => FALSE
      UndirectedGraphs => ConnectedComponents(U) => {{4}, {1, 2, 3}}
      UndirectedGraphs => IsStronglyConnected(U) => FALSE
      UndirectedGraphs => <<3, 2, 1>> \\in SimplePath(U) => TRUE
      UndirectedGraphs => Cardinality(UndirectedGraphs({1, 2})) => 8
      SVG => SVGElemToString(Circle(5, 6, 2, [fill |-> "red"])) => "<circle fill=\\"red\\" cx=\\"5\\" cy=\\"6\\" r=\\"2\\"></circle>"
      SVG => SVGElemToString(Group(<<Text(1, 2, "hi", <<>>)>>, <<>>)) => "<g><text x=\\"1\\" y=\\"2\\">hi</text></g>"
      SVG => NodeOfRingNetwork(10, 10, 5, 0, 4) => [x |-> 15, y |-> 10]
      SVG => PointOnLine([x |-> 0, y |-> 0], [x |-> 10, y |-> 20], 2) => [x |-> 5, y |-> 10]
      GraphViz => DotDiGraph([node |-> {1, 2}, edge |-> {<<1, 2>>}], LAMBDA v : "n" \\o ToString(v), LAMBDA e : "e") => "digraph G {\\n\\"1\\" [label=\\"n1\\"];\\n\\"2\\" [label=\\"n2\\"];\\n\\"1\\" -> \\"2\\" [label=\\"e\\"];\\n}"
      HTML => StringFill("test %num% %num%", <<<<"%num%", "12">>>>) => "test 12 %num%"
      HTML => StringSeqToString(<<"", "a", "b">>, "-") => "a-b"
      HTML => HTMLAttribute("width", "3px") => "width: 3px;"
      HTML => HTMLFrame("f", <<"x", "y">>) => "<div id=\\"f\\">\\nx\\ny\\n</div>"
      HTML => HTMLSize("1", "2") => "width: 1; height: 2;"
      """)
  void operatorsMeanWhatTheModuleSays(String module, String expr, String expected) {
    assertEquals(expected, show(module, expr));
  }

  @ParameterizedTest(name = "EXTENDS {0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"HTML", "DifferentialEquations", "FunctionTheorems", "FiniteSetsExtTheorems",
      "FoldsTheorems", "GraphTheorems", "QuorumTheorems", "SequencesExtTheorems"})
  void theoremModulesLoadAndExportTheirBase(String module) {
    // The statements are skipped by the checker; the definitions of the base modules are there.
    assertEquals("TRUE", show(module, "TRUE"));
  }

  @org.junit.jupiter.api.Test
  void csvWritesThenReadsBack(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    String f = dir.resolve("out.csv").toString().replace("\\", "/");
    assertEquals("0", show("CSV", "CSVRecords(\"" + f + "\")"));
    assertEquals("TRUE", show("CSV", "CSVWrite(\"%1$s#%2$s\", <<\"abc\", {1, 2}>>, \"" + f + "\")"));
    assertEquals("TRUE", show("CSV", "CSVWriteRecord([a |-> 1, b |-> \"x\"], \",\", FALSE, \"" + f + "\")"));
    assertEquals(java.util.List.of("abc#{1, 2}", "1,x"), java.nio.file.Files.readAllLines(dir.resolve("out.csv")));
    assertEquals("2", show("CSV", "CSVRecords(\"" + f + "\")"));
    assertEquals("<<[k |-> \"abc#{1\", v |-> \" 2}\"], [k |-> \"1\", v |-> \"x\"]>>",
        show("CSV", "CSVRead(<<\"k\", \"v\">>, \",\", \"" + f + "\")"));
  }

  /**
   * ConnectedComponents and AreConnectedIn of UndirectedGraphs (computed natively) agree with
   * reachability by growing a set of nodes edge by edge, on every graph over subsets of 1..4 with
   * edges from a family holding a loop, an edge leaving the nodes and an empty element.
   */
  @org.junit.jupiter.api.Test
  void undirectedConnectivityAgreesWithReachability() {
    String expr = String.join(" ",
        "LET Reach(H, m) == LET R[k \\in 0 .. Cardinality(H.node)] ==",
        "      IF k = 0 THEN {m} ELSE R[k - 1] \\cup {b \\in H.node : \\E a \\in R[k - 1] : {a, b} \\in H.edge}",
        "    IN R[Cardinality(H.node)]",
        "IN \\A N \\in SUBSET (1 .. 4), Es \\in SUBSET {{1, 2}, {2, 3}, {3, 4}, {1, 3}, {4}, {}} :",
        "  LET K == [node |-> N, edge |-> Es] IN",
        "    /\\ ConnectedComponents(K) = {Reach(K, m) : m \\in N}",
        "    /\\ IsStronglyConnected(K) = (N # {} /\\ \\A m \\in N : Reach(K, m) = N)",
        "    /\\ \\A a, b \\in 0 .. 4 : AreConnectedIn(a, b, K) = (a \\in N /\\ b \\in Reach(K, a))");
    assertEquals("TRUE", show("UndirectedGraphs", expr));
  }
}
