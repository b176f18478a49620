package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synod.checker.value.IntValue;
import io.synod.checker.value.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The operators trace specs use, as TLC's Json, IOUtils, TLC and VectorClocks modules define
 * them: JSON text in Gson's compact form, logs read into tuples of records, the environment,
 * the levels that let {@code N <- TraceN} through, and the causal order of vector-clocked logs.
 */
class TraceNativesTest {

  private static final String EXTENDS = "EXTENDS Integers, Sequences, FiniteSets, TLC, Json, IOUtils, VectorClocks";

  private static CompiledSpec spec(String defs) {
    String module = "---- MODULE Test ----\n" + EXTENDS + "\nVARIABLE x\nInit == x = 0\nNext == x' = x\n"
        + defs + "\n====\n";
    return Fixtures.inline(module, "INIT Init\nNEXT Next\n", new ArrayList<>());
  }

  private static Value eval(CompiledSpec spec, String name, Map<String, String> env) {
    Ctx c = spec.newContext(0, new EvalHost() {
      @Override
      public void print(String text) {
      }

      @Override
      public Map<String, String> environment() {
        return env;
      }
    });
    return spec.evaluate(spec.definition(name), c, new Value[] {IntValue.ZERO}, null);
  }

  /** The value of {@code expr}: a string's text, else the value as TLC prints it. */
  private static String show(String expr) {
    Value v = eval(spec("E == " + expr), "E", Map.of());
    return v instanceof io.synod.checker.value.StringValue s ? s.text() : v.toString();
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiterString = " ==> ", value = {
      "ToJson(<<1, 2>>) ==> [1,2]",
      "ToJson(<<>>) ==> []",
      "ToJson([a |-> 1, b |-> \"x\"]) ==> {\"a\":1,\"b\":\"x\"}",
      "ToJson([b |-> TRUE, a |-> <<1>>]) ==> {\"b\":true,\"a\":[1]}",
      "ToJson({3, 1, 2}) ==> [1,2,3]",
      "ToJson(1 :> \"a\" @@ 3 :> \"b\") ==> {\"1\":\"a\",\"3\":\"b\"}",
      "ToJson(\"q\\\"\") ==> \"q\\\"\"",
      "ToJsonObject(<<5, 6>>) ==> {\"0\":5,\"1\":6}",
      "ToJsonArray({<<1, 2>>}) ==> [[1,2]]",
      "atoi(\"42\") ==> 42",
      "atoi(\"-7\") ==> -7",
      "zeroPadN(7, 3) ==> 007",
      "zeroPadN(1234, 2) ==> 1234",
  })
  void operatorsAsTlc(String expr, String expected) {
    assertEquals(expected, show(expr));
  }

  @Test
  void atoiOfANonNumberIsAnError() {
    EvalException e = assertThrows(EvalException.class, () -> show("atoi(\"ten\")"));
    assertTrue(e.getMessage().contains("atoi"), e.getMessage());
  }

  @Test
  void logsReadBackAsTuplesOfRecordsInTheModulesFieldOrder(@TempDir Path dir) throws IOException {
    Path log = dir.resolve("log.ndjson");
    // beta is not mentioned by the module: it is interned when the log is read, after the others
    Files.writeString(log, "{\"beta\": 3, \"zeta\": 1, \"alpha\": \"up\"}\n\n{\"zeta\": [1, 2], \"alpha\": false}\n");
    CompiledSpec s = spec("Names == [alpha |-> 0, zeta |-> 0]\nLog == ndJsonDeserialize(\"" + log + "\")");
    assertEquals("<<[alpha |-> \"up\", zeta |-> 1, beta |-> 3], [alpha |-> FALSE, zeta |-> <<1, 2>>]>>",
        eval(s, "Log", Map.of()).toString());
  }

  @Test
  void serializedValuesReadBackEqual(@TempDir Path dir) {
    String nd = dir.resolve("out/a.ndjson").toString();
    String js = dir.resolve("b.json").toString();
    CompiledSpec s = spec("V == <<[k |-> {1, 2}, s |-> \"t\"], <<TRUE>>>>\n"
        + "W1 == ndJsonSerialize(\"" + nd + "\", V)\nR1 == ndJsonDeserialize(\"" + nd + "\")\n"
        + "W2 == JsonSerialize(\"" + js + "\", V)\nR2 == JsonDeserialize(\"" + js + "\")\n"
        + "Expect == <<[k |-> <<1, 2>>, s |-> \"t\"], <<TRUE>>>>");
    assertEquals("TRUE", eval(s, "W1", Map.of()).toString());
    assertEquals(eval(s, "Expect", Map.of()), eval(s, "R1", Map.of()));
    assertEquals("TRUE", eval(s, "W2", Map.of()).toString());
    assertEquals(eval(s, "Expect", Map.of()), eval(s, "R2", Map.of()));
  }

  @Test
  void malformedJsonNamesFileAndLine(@TempDir Path dir) throws IOException {
    Path log = dir.resolve("bad.ndjson");
    Files.writeString(log, "{\"a\": 1}\n{\"a\": }\n");
    CompiledSpec s = spec("Log == ndJsonDeserialize(\"" + log + "\")");
    EvalException e = assertThrows(EvalException.class, () -> eval(s, "Log", Map.of()));
    assertTrue(e.getMessage().contains(log + ":2"), e.getMessage());
  }

  @Test
  void missingFileIsAnEvaluationError() {
    CompiledSpec s = spec("Log == ndJsonDeserialize(\"/nonexistent/x.ndjson\")");
    EvalException e = assertThrows(EvalException.class, () -> eval(s, "Log", Map.of()));
    assertTrue(e.getMessage().contains("/nonexistent/x.ndjson"), e.getMessage());
  }

  @Test
  void ioEnvGivesTheEnvironmentAndTheSpecsDefaultWithoutIt() {
    String defs = "TraceFile == IF \"JSON\" \\in DOMAIN IOEnv THEN IOEnv.JSON ELSE \"default.ndjson\"";
    assertEquals("\"default.ndjson\"", eval(spec(defs), "TraceFile", Map.of("HOME", "/h")).toString());
    assertEquals("\"mine.ndjson\"", eval(spec(defs), "TraceFile", Map.of("JSON", "mine.ndjson")).toString());
  }

  @Test
  void jsonAndIoUtilsAreConstantLevelAndTlcGetIsStateLevel() {
    CompiledSpec s = spec("Trace == ndJsonDeserialize(IOEnv.HOME)\nN == Len(Trace) + atoi(\"1\")\n"
        + "Stop == TLCGet(\"level\") > N => TLCSet(\"exit\", TRUE)\nLevel == TLCGet(\"level\")");
    assertEquals(0, s.definition("Trace").level());
    assertEquals(0, s.definition("N").level());
    assertEquals(1, s.definition("Stop").level());
    assertEquals(1, s.definition("Level").level());
  }

  @Test
  void causalOrderSortsLinesByTheirVectorClocks() {
    // node 2's receive (clock <<1, 1>>) is logged before node 1's send (clock <<1, 0>>)
    String defs = "Log == <<[n |-> 2, vc |-> <<1, 1>>], [n |-> 1, vc |-> <<1, 0>>], [n |-> 1, vc |-> <<2, 0>>]>>\n"
        + "T == CausalOrder(Log, LAMBDA l : l.vc, LAMBDA l : l.n, LAMBDA vc : DOMAIN vc)\n"
        + "Ok == IsCausalOrder(T, LAMBDA l : l.vc) /\\ ~IsCausalOrder(Log, LAMBDA l : l.vc)";
    CompiledSpec s = spec(defs);
    List<String> order = new ArrayList<>();
    Value t = eval(s, "T", Map.of());
    assertEquals(3, ((io.synod.checker.value.TupleValue) t).length());
    order.add(((io.synod.checker.value.TupleValue) t).get(1).toString());
    assertEquals("[n |-> 1, vc |-> <<1, 0>>]", order.get(0));
    assertEquals("TRUE", eval(s, "Ok", Map.of()).toString());
  }

  @Test
  void causalOrderRejectsAClockThatCountsAMissingEvent() {
    CompiledSpec s = spec("Log == <<[n |-> 2, vc |-> <<3, 1>>], [n |-> 1, vc |-> <<1, 0>>]>>\n"
        + "T == CausalOrder(Log, LAMBDA l : l.vc, LAMBDA l : l.n, LAMBDA vc : DOMAIN vc)");
    EvalException e = assertThrows(EvalException.class, () -> eval(s, "T", Map.of()));
    assertTrue(e.getMessage().contains("event 3 of node 1"), e.getMessage());
  }

  @Test
  void tlcGetAndSetReturnsTheOldValueAndStoresTheCombination() {
    CompiledSpec s = Fixtures.inline("---- MODULE Test ----\nEXTENDS Integers, TLC, TLCExt\nVARIABLE x\n"
        + "Init == x = 0\nNext == x' = x\n"
        + "E == <<TLCGetAndSet(7, +, 5, 100), TLCGetAndSet(7, +, 5, 100), TLCGet(7)>>\n====\n",
        "INIT Init\nNEXT Next\n", new ArrayList<>());
    assertEquals("<<100, 105, 110>>", eval(s, "E", Map.of()).toString());
  }
}
