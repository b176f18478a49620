package io.synod.checker.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Module loading and names as SANY has them: modules after the root module in its file, nested
 * modules seeing the enclosing module's names, subexpression names, named theorems and
 * assumptions used as operators, and RECURSIVE declarations.
 */
class FrontEndFormsTest {

    @TempDir
    Path dir;

    private ResolvedSpec analyze(String root, String text) throws IOException, SemanticException {
        Path spec = dir.resolve(root + ".tla");
        Files.writeString(spec, text);
        return SemanticAnalyzer.analyze(spec, ModuleLocator.forSpec(spec));
    }

    private List<String> errors(String root, String text) throws IOException {
        SemanticException e = assertThrows(SemanticException.class, () -> analyze(root, text));
        return e.diagnostics().stream().map(SemanticDiagnostic::render).map(s -> s.replace(dir + "/", "")).toList();
    }

    @Test
    void modulesAfterTheRootAreFoundInItsFile() throws Exception {
        ResolvedSpec spec = analyze("Top", """
                ---- MODULE Top ----
                EXTENDS Later
                I == INSTANCE Last WITH k <- 2
                X == Base + I!Twice
                ====
                some text between modules is ignored
                ---- MODULE Later ----
                EXTENDS Naturals
                Base == 1
                ====
                ---- MODULE Last ----
                EXTENDS Naturals
                CONSTANT k
                Twice == 2 * k
                ====
                """);
        assertTrue(spec.loaded().modules().containsKey("Later"));
        assertTrue(spec.loaded().modules().containsKey("Last"));
        assertEquals(List.of("Naturals", "Later", "Last", "Top"), spec.loaded().order());
    }

    @Test
    void aModuleOnlyWrittenInsideAnotherFileIsNotFound() throws Exception {
        Files.writeString(dir.resolve("Other.tla"), "---- MODULE Other ----\n====\n---- MODULE Hidden ----\n====\n");
        assertEquals(List.of("Top.tla:2:16: Cannot find source file for module Hidden imported in module Top."),
                errors("Top", "---- MODULE Top ----\nEXTENDS Other, Hidden\n====\n"));
    }

    @Test
    void aFileOfItsOwnWinsOverASectionOfTheRootFile() throws Exception {
        Files.writeString(dir.resolve("Lib.tla"), "---- MODULE Lib ----\nFromFile == 1\n====\n");
        ResolvedSpec spec = analyze("Top", """
                ---- MODULE Top ----
                EXTENDS Lib
                X == FromFile
                ====
                ---- MODULE Lib ----
                FromSection == 1
                ====
                """);
        assertTrue(spec.exported().get("Lib").containsKey("FromFile"));
    }

    @Test
    void aNestedModuleSeesTheEnclosingModulesExtends() throws Exception {
        analyze("Outer", """
                ---- MODULE Outer ----
                EXTENDS Naturals
                VARIABLE v
                  ---- MODULE Inner ----
                  VARIABLE n
                  Step == n' = n + 1
                  ====
                I == INSTANCE Inner WITH n <- v
                ====
                """);
    }

    @Test
    void subexpressionNamesSelectPartsOfDefinitions() throws Exception {
        analyze("Sub", """
                ---- MODULE Sub ----
                EXTENDS Naturals
                VARIABLE x
                Inv == /\\ x \\in 0..3
                       /\\ lbl:: x + 1 > 0
                Scale(k) == (k + 1) * (k + 2)
                THEOREM Thm == \\A n \\in 0..2 : n + n = 2 * n
                ASSUME Pos == 3 > 0
                ASSUME Pos /\\ Thm
                A == Inv!1 /\\ Inv!2 /\\ Inv!lbl /\\ Inv!:
                B == Scale(5)!1 + Scale(5)!<< + Scale(5)!>> + Scale(2)!1!1
                Ex == \\E n \\in 0..2 : TRUE
                C == Thm!: /\\ Ex!@ = TRUE
                ====
                """);
    }

    @Test
    void aSubexpressionNameMustNamePartOfTheDefinition() throws Exception {
        assertEquals(List.of("Bad.tla:4:6: The subexpression name `Op!3' does not name a part of the definition of Op."),
                errors("Bad", "---- MODULE Bad ----\nEXTENDS Naturals\nOp == 1 + 2\nX == Op!3\n====\n"));
        assertEquals(List.of("Bad.tla:4:6: The subexpression name `Op!nope' does not name a part of the definition of Op."),
                errors("Bad", "---- MODULE Bad ----\nEXTENDS Naturals\nOp == lbl:: 1 + 2\nX == Op!nope\n====\n"));
        assertEquals(List.of("Bad.tla:4:6: The operator F requires 1 arguments."),
                errors("Bad", "---- MODULE Bad ----\nEXTENDS Naturals\nF(a) == a + 1\nX == F!1\n====\n"));
    }

    @Test
    void theBodyOfABinderIsNamedOnlyWhenItDoesNotUseTheBoundNames() throws Exception {
        assertEquals(List.of("B.tla:4:6: The subexpression name `Op!@' does not name a part of the definition of Op."),
                errors("B", "---- MODULE B ----\nEXTENDS Naturals\nOp == \\A i \\in 1..2 : i > 0\nX == Op!@\n====\n"));
    }

    @Test
    void recursiveDeclarationsAnnounceValueParametersOnly() throws Exception {
        assertEquals(List.of("R.tla:3:1: Definition of F has different arity than its RECURSIVE declaration."),
                errors("R", "---- MODULE R ----\nRECURSIVE F(_, _)\nF(a, Op(_)) == IF a = 0 THEN 0 ELSE F(a, Op)\n====\n"));
        assertTrue(errors("R", "---- MODULE R ----\nRECURSIVE F(_, _)\nF(a) == IF a = {} THEN 0 ELSE F(a)\n====\n")
                .contains("R.tla:3:1: Definition of F has different arity than its RECURSIVE declaration."));
        // only the last parameter is compared with the declaration's "_"
        analyze("R", "---- MODULE R ----\nRECURSIVE F(_, _)\nF(Op(_), a) == IF a = 0 THEN 0 ELSE F(Op, a)\n====\n");
        analyze("R", """
                ---- MODULE R ----
                EXTENDS Naturals
                Sum(S, W(_)) ==
                  LET RECURSIVE Go(_)
                      Go(T) == IF T = {} THEN 0 ELSE LET e == CHOOSE e \\in T : TRUE IN W(e) + Go(T \\ {e})
                  IN  Go(S)
                ====
                """);
    }

    @Test
    void anOperatorIsNamedWithoutArgumentsOnlyForAParameterThatTakesSome() throws Exception {
        String head = "---- MODULE A ----\nEXTENDS Naturals, Sequences\nF(Op(_), a) == Op(a)\nG(a) == a\n";
        analyze("A", head + "X == F(Len, <<1>>)\nY == F(LAMBDA e : e, 1)\n====\n");
        assertEquals(List.of("A.tla:5:8: The operator Len requires 1 arguments."),
                errors("A", head + "X == G(Len)\n====\n"));
        assertEquals(List.of("A.tla:5:6: The operator Len requires 1 arguments."),
                errors("A", head + "X == Len = 1\n====\n"));
    }

    @Test
    void prefixOperatorsInsideInfixChains() throws Exception {
        analyze("P", """
                ---- MODULE P ----
                EXTENDS Naturals
                A == {1}
                B == {{2}}
                f == <<1>>
                X == A \\cup UNION B \\cup A
                Y == A \\cup SUBSET A
                Z == 1 + DOMAIN f
                ====
                """);
    }
}
