package io.synod.checker.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import io.synod.testkit.SharedData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Values printed exactly as TLC printed them in the reference fixtures. Each expected text is
 * also looked up in the fixture's recorded TLC output (when ../shared is present), so the
 * goldens cannot drift from what TLC really printed.
 */
class PrettyGoldenTest {
  private final StringTable t = new StringTable();

  private StringValue s(String x) {
    return t.string(x);
  }

  private static IntValue i(long v) {
    return IntValue.of(v);
  }

  /** Asserts that TLC's recorded output contains {@code text} and that we print it. */
  private void golden(String fixture, String prefix, Value v, String text) throws IOException {
    assertEquals(text, Pretty.ppr(v));
    Optional<Path> dir = SharedData.tlcSpecs();
    // without the fixtures the test is reported skipped: the golden text was not cross-checked
    Assumptions.assumeTrue(dir.isPresent(), "../shared/tlc-fixtures not found: " + fixture + " not compared");
    String out = Files.readString(dir.get().resolve(fixture));
    assertTrue(out.contains(prefix + text), "fixture " + fixture + " lacks:\n" + prefix + text);
  }

  @Test
  void fixturesAreFound() {
    Assumptions.assumeTrue(SharedData.tlcSpecs().isPresent(), "../shared/tlc-fixtures not present: goldens not cross-checked");
    assertTrue(Files.isRegularFile(SharedData.tlcSpecs().get().resolve("09_inventory/Inventory.tlc.out")));
  }

  @Test
  void wrappedNestedRecordsInInventoryTrace() throws IOException {
    // Interning order as in Inventory.tla: the record fields and goods appear in this order.
    StringValue stock = s("stock");
    StringValue open = s("open");
    StringValue loc = s("loc");
    StringValue bolt = s("bolt");
    StringValue nut = s("nut");
    ModelValue north = t.modelValue("north");
    ModelValue south = t.modelValue("south");
    Value shop = Values.record(new StringValue[] {loc, open, stock}, new Value[] {
        Values.tuple(i(0), i(0)), BoolValue.TRUE,
        Values.record(new StringValue[] {nut, bolt}, new Value[] {i(1), i(1)})});
    Value db = Values.fcn(new Value[] {south, north}, new Value[] {shop, shop});
    golden("09_inventory/Inventory.tlc.out", "/\\ db = ", db, String.join("\n",
        "( north :>",
        "      [stock |-> [bolt |-> 1, nut |-> 1], open |-> TRUE, loc |-> <<0, 0>>] @@",
        "  south :>",
        "      [stock |-> [bolt |-> 1, nut |-> 1], open |-> TRUE, loc |-> <<0, 0>>] )"));
    Value audit = Values.tuple(Values.tuple(north, bolt, i(-1)), Values.tuple(north, bolt, i(-1)));
    golden("09_inventory/Inventory.tlc.out", "/\\ audit = ", audit,
        "<<<<north, \"bolt\", -1>>, <<north, \"bolt\", -1>>>>");
  }

  @Test
  void wrappedTupleInPrintOutput() throws IOException {
    ModelValue n1 = t.modelValue("n1");
    ModelValue n2 = t.modelValue("n2");
    ModelValue n3 = t.modelValue("n3");
    Value ids = Values.fcn(new Value[] {n1, n2, n3}, new Value[] {n1, n2, n3});
    Value names = Values.fcn(new Value[] {n3, n2, n1}, new Value[] {s("n3"), s("n2"), s("n1!!")});
    golden("06_tlcops/TLCOps.tlc.out", "", Values.tuple(s("deep"), ids, names), String.join("\n",
        "<< \"deep\",",
        "   (n1 :> n1 @@ n2 :> n2 @@ n3 :> n3),",
        "   (n1 :> \"n1!!\" @@ n2 :> \"n2\" @@ n3 :> \"n3\") >>"));
  }

  @Test
  void stringsWithEscapes() throws IOException {
    Value v = Values.tuple(s("<<1, \"a\", {TRUE}>>"), s("n1"), s("[b |-> 2, a |-> 1]"));
    golden("06_tlcops/TLCOps.tlc.out", "", v,
        "<<\"<<1, \\\"a\\\", {TRUE}>>\", \"n1\", \"[b |-> 2, a |-> 1]\">>");
  }

  @Test
  void recordFieldsAndSetElementsInInterningOrder() throws IOException {
    StringValue stockF = s("stock");
    StringValue credit = s("credit");
    StringValue sales = s("sales");
    StringValue tea = s("tea");
    StringValue coffee = s("coffee");
    StringValue soup = s("soup");
    Value m = Values.record(new StringValue[] {sales, credit, stockF}, new Value[] {
        Values.set(coffee, tea), i(1), Values.tuple(soup)});
    golden("24_deadlock_vending/Vending.tlc.out", "/\\ machine = ", m,
        "[stock |-> <<\"soup\">>, credit |-> 1, sales |-> {\"tea\", \"coffee\"}]");
    Value full = Values.record(new StringValue[] {stockF, credit, sales}, new Value[] {
        Values.tuple(tea, coffee, soup), i(0), SetEnumValue.EMPTY});
    golden("24_deadlock_vending/Vending.tlc.out", "/\\ machine = ", full,
        "[stock |-> <<\"tea\", \"coffee\", \"soup\">>, credit |-> 0, sales |-> {}]");
  }

  @Test
  void functionsOverModelValuesAndEmptyFunctions() throws IOException {
    StringValue term = s("term");
    StringValue cmd = s("cmd");
    ModelValue f1 = t.modelValue("f1");
    ModelValue f2 = t.modelValue("f2");
    Value entry = Values.record(new StringValue[] {cmd, term}, new Value[] {s("put"), i(1)});
    Value logs = Values.fcn(new Value[] {f1, f2},
        new Value[] {Values.tuple(entry), Values.fcn(new Value[0], new Value[0])});
    golden("04_logship/LogShip.tlc.out", "/\\ logs = ", logs,
        "(f1 :> <<[term |-> 1, cmd |-> \"put\"]>> @@ f2 :> <<>>)");
    Value acked = Values.fcn(new Value[] {f2, f1}, new Value[] {i(-1), i(0)});
    golden("04_logship/LogShip.tlc.out", "/\\ acked = ", acked, "(f1 :> 0 @@ f2 :> -1)");
  }

  @Test
  void bagsPrintAsRecords() throws IOException {
    StringValue apple = s("apple");
    StringValue pear = s("pear");
    StringValue fig = s("fig");
    Value bag = Values.fcn(new Value[] {fig, apple, pear}, new Value[] {i(1), i(2), i(1)});
    golden("05_bagstore/BagStoreBug.tlc.out", "/\\ stock = ", bag, "[apple |-> 2, pear |-> 1, fig |-> 1]");
  }

  @Test
  void setsOfModelValuesAndStrings() throws IOException {
    ModelValue p1 = t.modelValue("p1");
    t.modelValue("p2");
    ModelValue p3 = t.modelValue("p3");
    golden("16_starvation/Starve.tlc.out", "/\\ waiting = ", Values.set(p3, p1), "{p1, p3}");
    ModelValue east = t.modelValue("east");
    ModelValue west = t.modelValue("west");
    Value holds = Values.fcn(new Value[] {west, east},
        new Value[] {Values.set(s("B")), Values.set(s("A"))});
    golden("23_deadlock_trains/Trains.tlc.out", "/\\ holds = ", holds,
        "(east :> {\"A\"} @@ west :> {\"B\"})");
  }

  @Test
  void shortValuesStayOnOneLineAndLazySetsPrintLikeTlc() {
    assertEquals("1..3", Values.interval(1, 3).toString());
    assertEquals("{{}, {1}, {2}, {1, 2}}", Values.subset(Values.interval(1, 2)).toString());
    assertEquals("SUBSET (1..10)", Values.subset(Values.interval(1, 10)).toString());
    assertEquals("Nat", InfiniteSetValue.NAT.toString());
    assertEquals("(Nat \\X {1})", Values.product(InfiniteSetValue.NAT, Values.set(i(1))).toString());
    assertEquals("{<<1, 1>>}", Values.product(Values.set(i(1)), Values.set(i(1))).toString());
    assertEquals("Seq({TRUE})", Values.seqSet(Values.set(BoolValue.TRUE)).toString());
    assertEquals("(0 :> 1 @@ 1 :> 2)", Values.fcn(new Value[] {i(1), i(0)}, new Value[] {i(2), i(1)}).toString());
    assertEquals("(\"a b\" :> 1)", Values.fcn(new Value[] {s("a b")}, new Value[] {i(1)}).toString());
  }

  @Test
  void valuesTlcCannotReparseStayOnOneLine() {
    Value[] mvs = new Value[12];
    Value[] plain = new Value[12];
    for (int k = 0; k < mvs.length; k++) {
      mvs[k] = t.modelValue("node_" + k);
      plain[k] = t.modelValue("node" + k);
    }
    String flat = Values.set(mvs).toString();
    assertTrue(flat.length() > 80);
    assertEquals(flat, Pretty.ppr(Values.set(mvs)));
    assertTrue(Pretty.ppr(Values.set(plain)).startsWith("{ node0,\n  node1,\n"));
    Value quoted = Values.tuple(s("a \"quoted\" string that is long enough to need wrapping at eighty"), i(1));
    assertEquals(quoted.toString(), Pretty.ppr(quoted));
  }

  @Test
  void longSetsWrapOneElementPerLine() {
    Value[] elems = new Value[30];
    for (int k = 0; k < elems.length; k++) {
      elems[k] = i(1000 + k);
    }
    String out = Pretty.ppr(Values.set(elems));
    assertTrue(out.startsWith("{ 1000,\n  1001,\n"), out);
    assertTrue(out.endsWith("  1029 }"), out);
  }
}
