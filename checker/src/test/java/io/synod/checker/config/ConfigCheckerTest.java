package io.synod.checker.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.synod.checker.SharedFixtures;
import io.synod.checker.config.ModuleSymbols.Level;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigCheckerTest {

    /** TLC's error text in a fixture output: from "Error: " up to the "Finished in" line. */
    private static String tlcError(Path out) throws IOException {
        String text = Files.readString(out);
        int start = text.indexOf("Error: ") + "Error: ".length();
        int end = text.indexOf("\nFinished in", start);
        return text.substring(start, end);
    }

    private static Path fixture(String name) {
        Optional<Path> specs = SharedFixtures.specs();
        assumeTrue(specs.isPresent(), "shared/tlc-fixtures not found next to the repository: skipped");
        return specs.get().resolve(name);
    }

    private static List<String> messages(String cfg, ModuleSymbols symbols) throws ConfigException {
        return ConfigChecker.check(ConfigReader.read("M.cfg", cfg), symbols).stream()
                .map(Diagnostic::render).toList();
    }

    private static FakeSymbols counter() {
        return new FakeSymbols("M").constant("N", 0).variable("x")
                .define("Init", 0, Level.STATE).define("Next", 0, Level.ACTION)
                .define("Inv", 0, Level.STATE).define("Step", 0, Level.ACTION)
                .define("Live", 0, Level.TEMPORAL).define("Spec", 0, Level.TEMPORAL)
                .define("Pair", 2, Level.CONSTANT).define("Cap", 0, Level.CONSTANT)
                .define("Max", 0, Level.CONSTANT);
    }

    @Test
    void missingConstantAsTlcSaysIt() throws IOException, ConfigException {
        Path dir = fixture("30_config_missing_constant");
        ModelConfig config = ConfigReader.readFile(dir.resolve("Quota.cfg"));
        FakeSymbols quota = new FakeSymbols("Quota").constant("Users", 0).constant("Quota", 0).variable("used")
                .define("Init", 0, Level.STATE).define("Next", 0, Level.ACTION).define("WithinQuota", 0, Level.STATE);
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigChecker.checkOrThrow(config, quota));
        assertEquals(tlcError(dir.resolve("Quota.tlc.out")), e.first().message());
        assertEquals(Position.NONE, e.first().position());
    }

    @Test
    void unknownInvariantAsTlcSaysIt() throws IOException, ConfigException {
        Path dir = fixture("31_config_unknown_invariant");
        ModelConfig config = ConfigReader.readFile(dir.resolve("Beacon.cfg"));
        FakeSymbols beacon = new FakeSymbols("Beacon").variable("lit")
                .define("Init", 0, Level.STATE).define("Next", 0, Level.ACTION).define("TypeOK", 0, Level.STATE);
        List<Diagnostic> found = ConfigChecker.check(config, beacon);
        assertEquals(1, found.size());
        assertEquals(tlcError(dir.resolve("Beacon.tlc.out")), found.get(0).message());
        assertEquals(new Position(3, 19), found.get(0).position());
    }

    @Test
    void aGoodConfigHasNoDiagnostics() throws ConfigException {
        assertEquals(List.of(), messages("CONSTANT N = 3\nINIT Init NEXT Next INVARIANT Inv PROPERTY Live\n"
                + "ACTION_CONSTRAINT Step CONSTRAINT Inv", counter()));
        assertEquals(List.of(), messages("CONSTANT N <- Max\nSPECIFICATION Spec", counter()));
    }

    @Test
    void substitutionErrors() throws ConfigException {
        assertEquals(List.of("M.cfg:1:30: The configuration file substitutes for N with the undefined identifier Nope."),
                messages("INIT Init NEXT Next CONSTANT N <- Nope", counter()));
        assertEquals(List.of("M.cfg:1:10: The configuration file substitutes for N with Pair of different number of arguments."),
                messages("CONSTANT N <- Pair INIT Init NEXT Next", counter()));
        assertEquals(List.of("M.cfg:1:10: The configuration file substitutes constant N with non-constant Inv."),
                messages("CONSTANT N <- Inv INIT Init NEXT Next", counter()));
        assertEquals(List.of("M.cfg:1:16: In the configuration file, the identifier Ghost does not appear in the specification."),
                messages("CONSTANT N = 1 Ghost <- Max INIT Init NEXT Next", counter()));
        assertEquals(List.of("M.cfg:1:10: In the configuration file, the identifier Cap appears\non the right-hand side of a <- "
                        + "after already appearing on the\nleft-hand side of one."),
                messages("CONSTANT N <- Cap Cap <- Max INIT Init NEXT Next", counter()));
    }

    @Test
    void aConstantOperatorMayBeReplacedByAnAction() throws ConfigException {
        // TLC evaluates only replacements without arguments before the search; an operator
        // constant such as Record(_) may become an action (Record(h) == log' = Append(log, h)).
        FakeSymbols s = counter().constant("Record", 1).define("MCRecord", 1, Level.ACTION)
                .constant("Init0", 0).define("Start", 0, Level.STATE);
        assertEquals(List.of(), messages("CONSTANT N = 1 Record <- MCRecord Init0 = 0 INIT Init NEXT Next", s));
        assertEquals(List.of("M.cfg:1:35: The configuration file substitutes constant Init0 with non-constant Start."),
                messages("CONSTANT N = 1 Record <- MCRecord Init0 <- Start INIT Init NEXT Next", s));
    }

    @Test
    void moduleScopedEntries() throws ConfigException {
        FakeSymbols s = counter().defineIn("Lib", "Helper", 0, Level.CONSTANT);
        assertEquals(List.of(), messages("CONSTANT N = 1 Helper <- [Lib] Max INIT Init NEXT Next", s));
        assertEquals(List.of("M.cfg:1:16: The module Nowhere named in the configuration file is not part of the specification."),
                messages("CONSTANT N = 1 Helper <- [Nowhere] Max INIT Init NEXT Next", s));
        assertEquals(List.of("M.cfg:1:16: In the configuration file, the identifier Other does not appear in the specification."),
                messages("CONSTANT N = 1 Other = [Lib] 3 INIT Init NEXT Next", s));
    }

    @Test
    void rolesMustBeDefinedWithoutArgumentsAndAtTheRightLevel() throws ConfigException {
        assertEquals(List.of(
                "M.cfg:1:47: The invariant Step is not a state predicate (one with no primes or temporal operators).",
                "M.cfg:1:52: TLC requires the invariant Pair not to take any argument.",
                "M.cfg:1:57: The invariant x is a variable, not a definition.",
                "M.cfg:1:59: The invariant of N is equal to 3",
                "M.cfg:1:21: The initial predicate Next is not a state predicate (one with no primes or temporal operators).",
                "M.cfg:1:31: The next state action Live is not an action (it has temporal operators).",
                "M.cfg:1:70: The property Gone specified in the configuration file\nis not defined in the specification.",
                "M.cfg:1:93: The action constraint Live is not an action (it has temporal operators).",
                "M.cfg:1:103: The view function Step is not a state function (one with no primes or temporal operators)."),
                messages("CONSTANT N = 3\nINIT Next NEXT Live INVARIANTS Step Pair x N PROPERTY Gone ACTION_CONSTRAINT Live VIEW Step"
                        .replace("\n", " "), counter()));
    }

    @Test
    void specificationWithInitAndMissingInit() throws ConfigException {
        ModelConfig both = ModelConfig.builder("M.cfg").constant(ConstantAssignment.of("N", new CfgValue.Int(1), Position.NONE))
                .specification(new NamedEntry("Spec", new Position(1, 1))).init(new NamedEntry("Init", new Position(2, 6))).build();
        assertEquals(List.of("M.cfg:2:6: The configuration file cannot specify both INIT/NEXT and SPECIFICATION fields."),
                ConfigChecker.check(both, counter()).stream().map(Diagnostic::render).toList());
        assertEquals(List.of("M.cfg: The configuration file did not specify the initial state predicate.",
                        "M.cfg: The configuration file did not specify the next state predicate."),
                messages("CONSTANT N = 1 INVARIANT Inv", counter()));
        assertEquals(List.of(), messages("CONSTANT N = 1 INIT Init PROPERTY Inv", counter()),
                "a state-level property only constrains initial states: no NEXT needed");
        assertEquals(List.of("M.cfg: The configuration file did not specify the next state predicate."),
                messages("CONSTANT N = 1 INIT Init PROPERTY Live", counter()));
    }

    @Test
    void unusedAssignmentIsOnlyAWarning() throws ConfigException {
        List<Diagnostic> d = ConfigChecker.checkOrThrow(
                ConfigReader.read("M.cfg", "CONSTANT N = 1 Extra = 2 INIT Init NEXT Next"), counter());
        assertEquals(1, d.size());
        assertTrue(d.get(0).render().startsWith("M.cfg:1:16: warning: The identifier Extra assigned"), d.get(0).render());
    }

    @Test
    void operatorConstantsNeedSubstitution() throws ConfigException {
        FakeSymbols s = counter().constant("F", 1).define("G", 1, Level.CONSTANT);
        assertEquals(List.of(), messages("CONSTANT N = 1 F <- G INIT Init NEXT Next", s));
        assertEquals(List.of("M.cfg:1:16: The constant F is an operator of 1 argument(s): substitute an operator for it with F <- Def."),
                messages("CONSTANT N = 1 F = 3 INIT Init NEXT Next", s));
    }
}
