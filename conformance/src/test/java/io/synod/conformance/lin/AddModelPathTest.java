package io.synod.conformance.lin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synod.conformance.history.EdnValues;
import io.synod.conformance.history.Operation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The newcomer's path "Add a model to synod lin" of docs/ARCHITECTURE.md, taken once with a
 * model that lives in this test: a LIFO stack, {@code :push v} and {@code :pop v}. Step 1 (a
 * {@link Model} with immutable states) is enough for the checker to judge histories; steps 2
 * and 3 (the name in {@link Models}, documented) are checked for every model by the CLI's
 * {@code NewcomerPathsTest}.
 */
class AddModelPathTest {
  /** A stack; the state is the list of values, top last (immutable, with equals/hashCode). */
  static final class StackModel implements Model<List<Object>> {
    @Override
    public String name() {
      return "stack";
    }

    @Override
    public List<Object> initial() {
      return List.of();
    }

    @Override
    public List<Object> step(List<Object> state, Operation op) {
      if (op.f().equals("push")) {
        List<Object> next = new ArrayList<>(state);
        next.add(op.value());
        return List.copyOf(next);
      }
      // a pop returns the top, if there is one
      if (state.isEmpty() || !state.get(state.size() - 1).equals(op.value())) {
        return null;
      }
      return state.subList(0, state.size() - 1);
    }

    @Override
    public String explain(List<Object> state, Operation op) {
      return "can't pop " + EdnValues.print(op.value()) + " from stack " + state;
    }

    @Override
    public String validate(Operation op) {
      return op.f().equals("push") || op.f().equals("pop") ? null
          : "the stack model has no operation :" + op.f() + " (expected :push, :pop)";
    }
  }

  private static LinResult check(String... lines) {
    return new LinChecker(LinOptions.defaults()).check(Histories.of(lines), new StackModel());
  }

  @Test
  void aConcurrentPushMayBePoppedFirst() {
    // push 1 completes; push 2 overlaps the pop that returns 2: push 1, push 2, pop 2
    LinResult r = check("0 invoke push 1", "0 ok push 1", "1 invoke push 2", "2 invoke pop", "2 ok pop 2",
        "1 ok push 2");
    assertEquals(Verdict.VALID, r.verdict());
  }

  @Test
  void popsInQueueOrderAreRejectedWithTheModelsExplanation() {
    LinResult r = check("0 invoke push 1", "0 ok push 1", "0 invoke push 2", "0 ok push 2", "1 invoke pop",
        "1 ok pop 1");
    assertEquals(Verdict.INVALID, r.verdict());
    assertTrue(new TextReport(false).briefFailure(r).contains("can't pop 1 from stack [1, 2]"),
        new TextReport(false).briefFailure(r));
  }
}
