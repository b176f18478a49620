package io.synod.checker.syntax;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synod.checker.syntax.ast.AstEquality;
import io.synod.checker.syntax.ast.Expr;
import io.synod.checker.syntax.ast.Module;
import io.synod.checker.syntax.ast.Unit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Printing a tree and parsing the text back gives the same tree. */
class RoundTripProperties {

  @Property(tries = 400)
  void expressionsSurvivePrintAndParse(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int depth)
      throws ParseException {
    Expr e = new RandomAst(seed).expr(depth);
    String text = AstPrinter.print(e);
    // the printer lays junction lists out relative to where it starts: keep that column 2
    String source = "---- MODULE T ----\nX ==\n  " + text.replace("\n", "\n  ") + "\n====";
    Module m;
    try {
      m = TlaParser.parseModule(source, "T.tla");
    } catch (ParseException ex) {
      throw new AssertionError(ex.getMessage() + "\nin:\n" + source, ex);
    }
    Expr back = ((Unit.OpDef) m.units().get(0)).body();
    assertTrue(AstEquality.equalIgnoringSpans(e, back),
        () -> "printed:\n" + text + "\nreparsed:\n" + AstPrinter.print(back));
  }

  @Property(tries = 150)
  void modulesSurvivePrintAndParse(@ForAll long seed, @ForAll @IntRange(min = 0, max = 3) int depth)
      throws ParseException {
    Module m = new RandomAst(seed).module(depth);
    String text = AstPrinter.print(m);
    Module back;
    try {
      back = TlaParser.parseModule(text, "Gen.tla");
    } catch (ParseException e) {
      throw new AssertionError(e.getMessage() + "\nin:\n" + text, e);
    }
    assertTrue(AstEquality.equalIgnoringSpans(m, back),
        () -> "printed:\n" + text + "\nreparsed:\n" + AstPrinter.print(back));
  }
}
