package io.synod.conformance.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class HistoryReadersTest {

  private static History edn(String text) {
    return HistoryReaders.parse("h.edn", text, false);
  }

  private static History json(String text) {
    return HistoryReaders.parse("h.json", text, true);
  }

  private static String ednError(String text) {
    return assertThrows(HistoryFormatException.class, () -> edn(text)).getMessage();
  }

  private static String jsonError(String text) {
    return assertThrows(HistoryFormatException.class, () -> json(text)).getMessage();
  }

  @Test
  void readsAVectorWithCommentsAndSkipsTheNemesis() {
    History h = edn("""
        ; a comment
        [{:process 0, :type :invoke, :f :write, :value 3, :time 10, :index 0}
         {:process :nemesis, :type :info, :f :start, :value nil}
         ; value written
         {:process 0, :type :ok, :f :write, :value 3, :time 12, :index 2}
         {:process 1, :type :invoke, :f :cas, :value [3 4]}
         {:process 1, :type :fail, :f :cas, :value [3 4], :error :timeout}
         {:process 2, :type :invoke, :f :read, :value nil}
         {:process 2, :type :info, :f :read, :value nil}
         {:process 3, :type :invoke, :f :read, :value nil}]
        """);
    assertEquals(7, h.events().size());
    assertEquals(1, h.failed());
    List<Operation> ops = h.operations();
    assertEquals(3, ops.size());
    assertEquals("write", ops.get(0).f());
    assertEquals(3L, ops.get(0).value());
    assertTrue(ops.get(0).ok());
    assertEquals(2, ops.get(0).invoke().line()); // 1-based, after the comment line
    assertEquals(5, ops.get(0).completion().line());
    assertEquals(2, ops.get(0).invoke().column());
    assertFalse(ops.get(1).ok()); // :info
    assertFalse(ops.get(2).ok()); // never completed: treated as :info
    assertNull(ops.get(2).completion());
    assertEquals(10L, h.events().get(0).time());
  }

  @Test
  void readsAListAndOneMapPerLineAlike() {
    String maps = "{:process 0, :type :invoke, :f :read, :value nil}\n{:process 0, :type :ok, :f :read, :value 1}\n";
    History lines = edn(maps);
    History list = edn("(" + maps + ")");
    assertEquals(1, lines.operations().size());
    assertEquals(1L, lines.operations().get(0).value());
    assertEquals(lines.operations().get(0).value(), list.operations().get(0).value());
  }

  @Test
  void readsJsonLines() {
    History h = json("""
        {"process": 0, "type": "invoke", "f": "cas", "value": [1, 2]}
        {"process": "nemesis", "type": "info", "f": "kill"}

        {"process": 0, "type": ":ok", "f": ":cas", "value": [1, 2]}
        """);
    assertEquals(1, h.operations().size());
    assertEquals(List.of(1L, 2L), h.operations().get(0).value());
    assertEquals(4, h.operations().get(0).completion().line());
  }

  @Test
  void detectsTheFormatFromTheContentWhenTheExtensionSaysNothing() {
    assertTrue(HistoryReaders.isJson("h.txt", "  {\"process\": 0}"));
    assertFalse(HistoryReaders.isJson("h.txt", "{:process 0}"));
    assertTrue(HistoryReaders.isJson("h.jsonl", "{:process 0}"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      [{:process 0, :type :invoke, :f :read, :value nil}\\n {:process 0, :type :ok, :f :read, :value [1 2}] | h.edn:2:47: malformed EDN: Expected ], but found }
      [{:process 0, :type :invoke, :f :read, :value nil}\\n {:process 0, :type :ok, :f :read, :value 1} | h.edn:2:45: unexpected end of input: the vector opened at line 1:1 has no closing ]
      {:process 0, :type :invoke, :f :read}\\n{:process 0, :type :done, :f :read} | h.edn:2:1: :type is :done; expected one of :invoke, :ok, :fail, :info
      {:process 0, :type :invoke, :f :read}\\n{:type :ok, :f :read} | h.edn:2:1: operation has no :process
      {:process 0, :type :invoke, :f :read}\\n  42 | h.edn:2:3: expected an operation map such as {:process 0, :type :invoke, :f :read, :value nil}, found 42
      [{:process 0, :type :invoke, :f :read}] {:process 1} | h.edn:1:41: unexpected text after the closing ] of the history
      {:process 0, :type :invoke, :f 3} | h.edn:1:1: :f is 3; expected a keyword such as :read
      {:process 0, :type :invoke, :f :read, :time :x} | h.edn:1:1: :time is :x; expected an integer
      {:process 0, :type :invoke} | h.edn:1:1: operation has no :f; expected a keyword such as :read
      """)
  void malformedEdnIsLocated(String text, String message) {
    assertEquals(message, ednError(text.replace("\\n", "\n")));
  }

  @Test
  void anUnterminatedStringIsLocated() {
    assertEquals("h.edn:2:46: malformed EDN: Unexpected end of input in string literal",
        ednError("{:process 0, :type :invoke, :f :read}\n  {:process 0, :type :ok, :f :read, :value \"x}"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      {:process 0, :type :invoke, :f :read}\\n{:process 0, :type :invoke, :f :write, :value 1} | h.edn:2:1: process 0 invokes :write while its :read invoked at line 1:1 is still outstanding
      {:process 0, :type :ok, :f :read, :value 1} | h.edn:1:1: an :ok of :read for process 0 with no outstanding :invoke
      {:process 4, :type :fail, :f :cas} | h.edn:1:1: a :fail of :cas for process 4 with no outstanding :invoke
      {:process 0, :type :invoke, :f :read}\\n{:process 0, :type :info, :f :read}\\n{:process 0, :type :invoke, :f :read} | h.edn:3:1: process 0 invokes :read after its :info at line 2:1; a crashed process issues nothing more
      {:process 0, :type :invoke, :f :read}\\n{:process 0, :type :ok, :f :write} | h.edn:2:1: an :ok of :write for process 0 completes an :invoke of :read (line 1:1)
      """)
  void inconsistentHistoriesAreReportedNotRepaired(String text, String message) {
    assertEquals(message, ednError(text.replace("\\n", "\n")));
  }

  @Test
  void malformedJsonIsLocated() {
    String first = "{\"process\": 0, \"type\": \"invoke\", \"f\": \"read\", \"value\": null}\n";
    assertEquals("h.json:2:54: malformed JSON: Unexpected character ('}' (code 125)): was expecting double-quote to start field name",
        jsonError(first + "{\"process\": 0, \"type\": \"ok\", \"f\": \"read\", \"value\": 1,}"));
    assertEquals("h.json:2:1: expected a JSON object per line, such as {\"process\": 0, \"type\": \"invoke\", \"f\": \"read\", \"value\": null}",
        jsonError(first + "[1]"));
    assertEquals("h.json:2:53: malformed JSON: Unexpected end-of-input: expected close marker for Object",
        jsonError(first + "{\"process\": 0, \"type\": \"ok\", \"f\": \"read\", \"value\": 1"));
    assertEquals("h.json:1:1: :type is \"begin\"; expected one of :invoke, :ok, :fail, :info",
        jsonError("{\"process\": 0, \"type\": \"begin\", \"f\": \"read\"}"));
  }
}
