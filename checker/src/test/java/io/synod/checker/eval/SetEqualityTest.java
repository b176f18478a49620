package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * {@code =} with a set on the left and a value that is no set on the right: TLC converts the
 * right side to an explicit set to compare, and fails when it cannot (TLC's Github763 test
 * compares {} with a record this way), where Synod answered FALSE.
 */
class SetEqualityTest {
  @Test
  void aSetEqualsNoRecord() {
    EvalException e = assertThrows(EvalException.class, () -> Eval.show("{} = [val |-> 1]"));
    assertEquals("Attempted to check equality of the set {} with the value:\n[val |-> 1]",
        e.getMessage());
  }

  @Test
  void anIntervalEqualsNoTupleAndNoNumber() {
    EvalException e = assertThrows(EvalException.class, () -> Eval.show("1..2 # <<1, 2>>"));
    assertEquals("Attempted to check equality of the set 1..2 with the value:\n<<1, 2>>",
        e.getMessage());
    assertThrows(EvalException.class, () -> Eval.show("{3} = 3"));
  }

  @Test
  void theErrorIsMetInsideTuplesRecordsFunctionsAndSets() {
    EvalException e = assertThrows(EvalException.class, () -> Eval.show("<<{}>> = <<[val |-> 1]>>"));
    assertEquals("Attempted to check equality of the set {} with the value:\n[val |-> 1]",
        e.getMessage());
    assertThrows(EvalException.class, () -> Eval.show("[f |-> {2}] # [f |-> 2]"));
    assertThrows(EvalException.class, () -> Eval.show("{<<{}>>} = {<<7>>}"));
    e = assertThrows(EvalException.class,
        () -> Eval.show("[i \\in {3, 4} |-> {}] # [i \\in {3, 4} |-> [val |-> 1]]"));
    assertEquals("Attempted to check equality of the set {} with the value:\n[val |-> 1]",
        e.getMessage());
  }

  @Test
  void aDifferenceBeforeTheIncomparablePartsDecides() {
    assertEquals("FALSE", Eval.show("<<1, {}>> = <<2, [val |-> 1]>>"));
    assertEquals("FALSE", Eval.show("<<{}>> = <<[val |-> 1], 2>>"));
    assertEquals("TRUE", Eval.show("[f |-> 1, g |-> {}] # [f |-> 2, g |-> 3]"));
    assertEquals("FALSE", Eval.show("[i \\in {3, 4} |-> IF i = 3 THEN 1 ELSE {}] = [i \\in {3, 4} |-> 2]"));
    assertEquals("FALSE", Eval.show("[i \\in {3, 4} |-> {}] = [i \\in {5, 6} |-> 2]"));
    // TLC compares all domain elements (field names) before any value
    assertEquals("FALSE", Eval.show("[f |-> {}, g |-> 1] = [f |-> [val |-> 1], h |-> 1]"));
    assertEquals("FALSE",
        Eval.show("[i \\in {3, 4} |-> {}] = [i \\in {3, 5} |-> [val |-> 1]]"));
  }

  /**
   * A tuple, a record and another function against each other, in the forms TLC gives them
   * (TLC's FcnRcdValue, TupleValue and RecordValue equals): Synod answered FALSE to the four
   * that TLC refuses.
   */
  @Test
  void functionsOfTwoFormsCompareAsTlcComparesThem() {
    EvalException e = assertThrows(EvalException.class, () -> Eval.show("<<{}>> = [a |-> 1]"));
    assertEquals("Attempted to compare an integer with non-integer:\n\"a\".", e.getMessage());
    e = assertThrows(EvalException.class, () -> Eval.show("[a |-> 1] = <<1>>"));
    assertEquals("Attempted to check equality of record:\n[a |-> 1]\nwith non-record\n<<1>>",
        e.getMessage());
    e = assertThrows(EvalException.class, () -> Eval.show("[a |-> 1] # {}"));
    assertEquals("Attempted to check equality of record:\n[a |-> 1]\nwith non-record\n{}",
        e.getMessage());
    e = assertThrows(EvalException.class, () -> Eval.show("[a |-> 1] = (3 :> 1)"));
    assertEquals("Attempted to check equality of record:\n[a |-> 1]\nwith non-record\n(3 :> 1)",
        e.getMessage());
    e = assertThrows(EvalException.class, () -> Eval.show("(3 :> 1) = [a |-> 1]"));
    assertEquals("Attempted to check equality of integer 3 with non-integer:\n\"a\"",
        e.getMessage());
    e = assertThrows(EvalException.class, () -> Eval.show("<<1, 2>> = (TRUE :> 1 @@ FALSE :> 2)"));
    assertEquals("Attempted to compare an integer with non-integer:\nFALSE.", e.getMessage());
    // sizes differ, or an integer domain other than 1..n: just unequal
    assertEquals("FALSE", Eval.show("<<1, 2>> = [a |-> 1]"));
    assertEquals("FALSE", Eval.show("[a |-> 1] = <<>>"));
    assertEquals("FALSE", Eval.show("<<>> = [a |-> 1]"));
    assertEquals("FALSE", Eval.show("<<1>> = (3 :> 1)"));
    assertEquals("FALSE", Eval.show("(3 :> {}) = <<[a |-> 1]>>"));
  }

  /**
   * Membership in a normalised set is TLC's binary search, the value compared with the middle
   * element: the error names the value first (TLC's FingerprintExceptionHangTest reason), where
   * Synod compared the element with the value.
   */
  @Test
  void membershipComparesTheValueWithTheMiddleElement() {
    EvalException e = assertThrows(EvalException.class, () -> Eval.show("1 \\in {{}}"));
    assertEquals("Attempted to compare integer 1 with non-integer:\n{}", e.getMessage());
    e = assertThrows(EvalException.class,
        () -> Eval.show("1 \\in {{}, {1}, {2}, {3}, {4}, {5}}"));
    assertEquals("Attempted to compare integer 1 with non-integer:\n{3}", e.getMessage());
    assertEquals("TRUE", Eval.show("<<2, 3>> \\in {<<1>>, <<2, 3>>, <<4, 5>>, <<6, 7>>, <<8, 9>>}"));
  }

  /**
   * Sets of functions, of records and Cartesian products that an empty domain, co-domain, field
   * or component reduces to {@code {<<>>}} or {@code {}}, whatever the other arguments are, as
   * TLC's SetOfFcnsValue, SetOfRcdsValue and SetOfTuplesValue decide them (TLC's
   * EmptySetEqAssumeTest): Synod answered FALSE to these wherever one argument was Nat.
   */
  @Test
  void anEmptyArgumentDecidesWhateverTheOthersAre() {
    assertEquals("TRUE", Eval.show("[{} -> {\"ref\"}] = [{} -> Nat]"));
    assertEquals("TRUE", Eval.show("[{\"ref\"} -> {}] = [Nat -> {}]"));
    assertEquals("TRUE", Eval.show("[{} -> {\"ref\"}] = [[Nat -> {}] -> {\"d2\"}]"));
    assertEquals("TRUE", Eval.show("[ref : {}] = [n1 : Nat, n2 : {}]"));
    assertEquals("TRUE", Eval.show("({\"ref\"} \\X {}) = ({} \\X Nat)"));
    assertEquals("TRUE", Eval.show("{} = [Nat -> {}]"));
    assertEquals("TRUE", Eval.show("{<<>>} = [{} -> Nat]"));
    assertEquals("TRUE", Eval.show("[n1 : {}] = [Nat -> {}]"));
    assertEquals("0", Eval.show("Cardinality([n1 : {}, n2 : Nat])"));
    assertEquals("1", Eval.show("Cardinality([[Nat -> {}] -> {\"d2\"}])"));
    assertEquals("TRUE", Eval.show("IsFiniteSet(Nat \\X {})"));
    assertEquals("TRUE", Eval.show("TLCFP({} \\X Nat) = TLCFP({})"));
    assertEquals("TRUE", Eval.show("TLCFP([1..0 -> Nat]) = TLCFP({<<>>})"));
    // neither reduced: the arguments still decide
    assertEquals("TRUE", Eval.show("[Nat -> {\"d1\"}] # [Int -> {\"d1\"}]"));
    assertEquals("TRUE", Eval.show("(Nat \\X {\"d1\"}) = (Nat \\X {\"d1\"})"));
  }

  /**
   * Two sets of one size compare element by element as TLC's SetEnumValue.equals does, so a
   * record set and a product fail on a record against a tuple (TLC's EmptySetEqAssumeTest),
   * where Synod answered from the fingerprints that they differ.
   */
  @Test
  void equalSizedSetsCompareTheirElements() {
    EvalException e = assertThrows(EvalException.class,
        () -> Eval.show("[n1 : {\"a\"}] # ({\"a\"} \\X {\"a\"})"));
    assertEquals("Attempted to check equality of record:\n[n1 |-> \"a\"]\nwith non-record\n<<\"a\", \"a\">>",
        e.getMessage());
    assertThrows(EvalException.class, () -> Eval.show("{[a |-> 1]} = {<<1>>}"));
    assertEquals("FALSE", Eval.show("{[a |-> 1]} = {<<1>>, <<2>>}"));
    assertEquals("FALSE", Eval.show("{1, 2} = {1, 3}"));
  }

  /**
   * TLC's finiteness and cardinality of {@code [D -> R]} with a one-element co-domain: one
   * function whatever the domain (TLC's EmptySetEqAssumeTest, FinSingleton* and
   * CardSingleton*), where Synod answered FALSE or failed on the infinite domain; and
   * {@code Seq({})}, which is {@code {<<>>}}.
   */
  @Test
  void aSingleElementCoDomainMakesOneFunction() {
    assertEquals("TRUE", Eval.show("IsFiniteSet([Nat -> {\"d1\"}])"));
    assertEquals("TRUE", Eval.show("IsFiniteSet([Nat -> [Nat -> {\"d1\"}]])"));
    assertEquals("1", Eval.show("Cardinality([Nat -> {\"d1\"}])"));
    assertEquals("2", Eval.show("Cardinality([[Nat -> {\"d1\"}] -> {\"d2\", \"d3\"}])"));
    assertEquals("TRUE", Eval.show("IsFiniteSet(Seq({}))"));
    assertEquals("FALSE", Eval.show("IsFiniteSet([Nat -> {\"d1\", \"d2\"}])"));
    assertEquals("FALSE", Eval.show("IsFiniteSet(Seq({1}))"));
  }

  /** A set of records too large to print enumerated prints as TLC's SetOfRcdsValue does. */
  @Test
  void aLargeRecordSetPrintsAsTlcPrintsIt() {
    assertEquals("\"[n1: 1..50000, n2: 1..50000]\"", Eval.show("ToString([n1 : 1..50000, n2 : 1..50000])"));
  }

  /**
   * TLC turns the value tested against a set of records into a record, and the one tested
   * against a Cartesian product into a function over integers, and fails when it cannot
   * (TLC's EmptySetEqAssume NotInRcdSetTuple, NotInTupleSetRcd): Synod answered TRUE to both.
   */
  @Test
  void membershipInRecordSetsAndProductsRefusesValuesOfAnotherForm() {
    EvalException e = assertThrows(EvalException.class,
        () -> Eval.show("<<\"a\", \"a\">> \\notin [n1 : {\"a\"}]"));
    assertEquals("Attempted to check if non-record\n<<\"a\", \"a\">>\nis in the set of records:\n"
        + "{[n1 |-> \"a\"]}", e.getMessage());
    e = assertThrows(EvalException.class,
        () -> Eval.show("[n1 |-> \"a\"] \\notin ({\"a\"} \\X {\"a\"})"));
    assertEquals("Attempted to check if non-tuple\n[n1 |-> \"a\"]\nis in the set of tuples:\n"
        + "{<<\"a\", \"a\">>}", e.getMessage());
    assertThrows(EvalException.class, () -> Eval.show("1 \\in [n1 : {1}]"));
    assertThrows(EvalException.class, () -> Eval.show("{} \\in {1} \\X {2}"));
    assertEquals("FALSE", Eval.show("<<>> \\in [n1 : {1}]"));
    assertEquals("FALSE", Eval.show("(3 :> 1) \\in {1} \\X {2}"));
    assertEquals("TRUE", Eval.show("[n1 |-> 1] \\in [n1 : {1}] /\\ <<1, 2>> \\in {1} \\X {2}"));
  }

  @Test
  void setsOfAnyFormStillCompare() {
    assertEquals("TRUE", Eval.show("{1, 2} = 1..2"));
    assertEquals("FALSE", Eval.show("{} = {{}}"));
    assertEquals("TRUE", Eval.show("SUBSET {} = {{}}"));
  }

  private static String error(String expr) {
    return assertThrows(EvalException.class, () -> Eval.show(expr)).getMessage();
  }

  /**
   * A set TLC has to enumerate to answer (its emptiness, or its explicit form to compare) fails
   * with the error of the form TLC cannot enumerate, in TLC's words (TLC's EmptySetEqAssume:
   * Synod said "Attempted to enumerate a non-enumerable set" for all of them).
   */
  @Test
  void aSetThatCannotBeEnumeratedFailsWithTheErrorOfItsForm() {
    String diff = "Attempted to enumerate S \\ T when S:\nNat\nis not enumerable.";
    assertEquals(diff, error("[(Nat \\ {0}) -> {\"d1\"}] = [(Nat \\ {0}) -> {\"d1\"}]"));
    assertEquals(diff, error("[{\"ref\"} -> {}] = [[n1 : (Nat \\ {0})] -> {}]"));
    assertEquals(diff, error("[ref : {}] # [n1 : (Nat \\ Nat)]"));
    assertEquals(diff, error("({\"ref\"} \\X {}) = ((Nat \\ {0}) \\X {})"));
    assertEquals("Attempted to enumerate S \\cup T when S:\n{\"d1\"}\nand T:\nNat\nare not both enumerable",
        error("[{\"ref\"} -> {}] = [({\"d1\"} \\cup Nat) -> {}]"));
    assertEquals("Attempted to enumerate UNION(s), but some element of s is nonenumerable.",
        error("[{\"ref\"} -> {}] = [(UNION {Nat}) -> {}]"));
    assertEquals("TRUE", Eval.show("-1 \\in UNION {Nat, {-1}} /\\ -2 \\notin UNION {Nat, {-1}}"));
    // a comparison with an explicit set enumerates the other side
    assertEquals("Attempted to enumerate a set of the form [D -> R],but the range R:\nNat\ncannot be enumerated.",
        error("{} # [{\"d1\"} -> Nat]"));
    // as does a membership in [D -> R], which compares the domains
    assertEquals("Attempted to enumerate a set of the form [l1 : v1, ..., ln : vn],\n"
        + "but can't enumerate the value of the `n1' field:\nNat", error("<<>> \\notin [[n1 : Nat] -> {}]"));
    assertEquals("Attempted to enumerate a set of the form s1 \\X s2 ... \\X sn,\nbut can't enumerate s0:\nNat",
        error("<<>> \\notin [(Nat \\X {\"d1\"}) -> {}]"));
    assertEquals("Attempted to enumerate a set of the form [D -> R],but the domain D:\nNat\ncannot be enumerated.",
        error("<<>> \\notin [[Nat -> {\"d1\"}] -> {}]"));
    assertEquals("Attempted to compute the number of elements in the overridden value Nat.",
        error("<<>> \\notin [(SUBSET Nat) -> {}]"));
    assertEquals("TRUE", Eval.show("<<1, 2>> \\in [1..2 -> Nat] /\\ <<1>> \\notin [1..2 -> Nat]"));
  }

  /**
   * An overridden set (Nat, Seq(S)...) compares only with another one, and an explicit set with
   * no overridden set, as TLC's UserValue and SetEnumValue (TLC's EmptySetEqAssume: Synod
   * answered these).
   */
  @Test
  void anOverriddenSetComparesOnlyWithAnother() {
    assertEquals("Attempted to compare overridden value Seq({}) with non-overridden value:\n{<<>>}",
        error("Seq({}) = {<<>>}"));
    assertEquals("Attempted to check equality of the set {<<>>} with the value:\nSeq({})",
        error("{<<>>} = Seq({})"));
    assertEquals("Attempted to compare overridden value Nat with non-overridden value:\n{\"r1\"}",
        error("[{\"d1\"} -> Nat] # [{\"d1\"} -> {\"r1\"}]"));
    assertEquals("Attempted to check equality of the set {\"r1\"} with the value:\nNat",
        error("[{\"r1\"} -> {\"d1\"}] # [Nat -> {\"d1\"}]"));
    assertEquals("Attempted to check equality of the set {} with the value:\nInt",
        error("<<>> \\notin [Int -> {}]"));
    assertEquals("Attempted to check equality of the set {1, 2} with the value:\nNat", error("1..2 = Nat"));
    assertEquals("TRUE", Eval.show("Nat # Int /\\ Nat = Nat"));
    assertEquals("Shouldn't call isEmpty() on value ANY", error("[{\"ref\"} -> {}] = [Any -> {}]"));
    assertEquals("Shouldn't call isEmpty() on value ANY", error("({\"ref\"} \\X {}) = (Any \\X {})"));
  }

  /**
   * A value that is no set as the argument of [D -> R], [f : S], S \\X T or Seq(S): TLC builds
   * the set and fails when it asks the argument what a set answers, its finiteness (inside
   * IsFiniteSet, whose error it wraps as a Java override's) or its emptiness (TLC's
   * EmptySetEqAssume: Synod failed on "a non-set value as a set" at once).
   */
  @Test
  void aValueThatIsNoSetFailsWhereTheSetAsksIt() {
    String wrap = "Attempted to apply the operator overridden by the Java method\n"
        + "public static tlc2.value.IBoolValue tlc2.module.FiniteSets.IsFiniteSet(tlc2.value.impl.Value),\n"
        + "but it produced the following error:\n";
    assertEquals(wrap + "Attempted to check if the integer 1 is a finite set.", error("IsFiniteSet([1 -> 2])"));
    assertEquals(wrap + "Attempted to check if the integer 1 is a finite set.",
        error("IsFiniteSet([n1 : 1, n2 : {\"d1\"}])"));
    assertEquals(wrap + "Attempted to check if the string \"s\" is a finite set.", error("IsFiniteSet(Seq(\"s\"))"));
    assertEquals(wrap + "Shouldn't call isEmpty() on value <<1>>", error("IsFiniteSet(Seq(<<1>>))"));
    assertEquals(wrap + "Attempted to compute the number of elements in the overridden value Seq({}).",
        error("IsFiniteSet([Nat -> Seq({})])"));
    assertEquals("Shouldn't call isEmpty() on value 1", error("[1 -> 2] = [1 -> 2]"));
    assertEquals("Shouldn't call isEmpty() on value \"s\"", error("[{\"d1\"} -> \"s\"] = [{\"d1\"} -> \"s\"]"));
    assertEquals("Shouldn't call isEmpty() on value 1", error("(1 \\X {\"d1\"}) = (1 \\X {\"d1\"})"));
    assertEquals("Attempted to apply the operator overridden by the Java method\n"
        + "public static tlc2.value.impl.IntValue tlc2.module.FiniteSets.Cardinality(tlc2.value.impl.Value),\n"
        + "but it produced the following error:\nAttempted to enumerate S \\ T when S:\nNat\nis not enumerable.",
        error("Cardinality([n1 : (Nat \\ {0}), n2 : {}])"));
    assertEquals("0", Eval.show("Cardinality([n1 : Nat, n2 : {}])"));
    assertEquals("TRUE", Eval.show("IsFiniteSet([n1 : Nat, n2 : {}]) /\\ ~IsFiniteSet([n1 : Nat, n2 : {1}])"));
  }

  /**
   * TLC's ToString keeps the errors met deciding whether to print a set enumerated: counting an
   * argument it cannot count, or beyond its int (TLC's EmptySetEqAssume: Synod printed "{}").
   */
  @Test
  void toStringKeepsTheErrorsOfCountingTheArguments() {
    String wrap = "Attempted to apply the operator overridden by the Java method\n"
        + "public static tlc2.value.impl.Value tlc2.module.TLC.ToString(tlc2.value.impl.Value),\n"
        + "but it produced the following error:\n";
    assertEquals(wrap + "Attempted to compute the number of elements in the overridden value Nat.",
        error("ToString([n1 : Nat, n2 : {}])"));
    assertEquals(wrap + "Overflow when computing the number of elements in (1..50000 \\X 1..50000)",
        error("ToString([((1..50000) \\X (1..50000)) -> {}])"));
    assertEquals("\"{}\"", Eval.show("ToString([n1 : {}, n2 : Nat])"));
    assertEquals("\"{}\"", Eval.show("ToString([n1 : 1..50000, n2 : 1..50000, n3 : {}])"));
    assertEquals("\"{<<>>}\"", Eval.show("ToString([{} -> Nat])"));
  }
}
