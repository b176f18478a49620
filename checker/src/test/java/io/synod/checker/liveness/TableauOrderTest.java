package io.synod.checker.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The order of a tableau node's successors decides the order in which the component search
 * meets product nodes, and with it the lasso printed; it follows the order in which the node's
 * next-position formulas were met, so that a spec prints the same lasso in every run. (Kept in
 * an immutable {@code Set.copyOf}, they iterated in an order that changes from JVM to JVM, and a
 * lasso of TLC's EWD840 liveness test had 12 to 20 states from run to run.)
 */
class TableauOrderTest {
  @Test
  void aNodeKeepsItsNextFormulasInTheOrderTheyWereMet() {
    List<LiveExpr> always = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      always.add(new LiveExpr.Always(new LiveExpr.Atom(i, false, "p" + i)));
    }
    Tableau t = new Tableau(new LiveExpr.And(always));
    // the expansion takes the conjuncts from the end of its work list: the last one first
    List<LiveExpr> met = new ArrayList<>(always);
    java.util.Collections.reverse(met);
    assertEquals(1, t.initial().size());
    Tableau.Node n = t.node(t.initial().get(0));
    assertEquals(met, new ArrayList<>(n.next));
  }
}
