package io.synod.checker.stdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class StandardModulesTest {

    private static final Pattern HEADER = Pattern.compile("^-{4,}\\s*MODULE\\s+(\\w+)\\s*-{4,}\\s*$");
    private static final Pattern PREFIX_DEF = Pattern.compile("^(?:LOCAL\\s+)?([A-Za-z_]\\w*)\\s*(?:\\(([^=]*)\\))?\\s*==");
    private static final Pattern INFIX_DEF = Pattern.compile("^[A-Za-z_]\\w*\\s+(\\S+)\\s+[A-Za-z_]\\w*\\s*==");
    private static final Pattern UNARY_DEF = Pattern.compile("^(-\\.)\\s*[A-Za-z_]\\w*\\s*==");

    @Test
    void everyListedModuleHasAResourceAndEveryResourceIsListed() throws IOException, URISyntaxException {
        Path dir = Path.of(StandardModules.class.getResource("Naturals.tla").toURI()).getParent();
        TreeSet<String> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".tla"))
                    .map(f -> f.substring(0, f.length() - 4)).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(new TreeSet<>(StandardModules.names()), files);
        for (String name : StandardModules.names()) {
            assertTrue(StandardModules.isStandard(name));
            assertTrue(StandardModules.source(name).isPresent(), name);
        }
        assertFalse(StandardModules.isStandard("Nope"));
        assertTrue(StandardModules.source("Nope").isEmpty());
    }

    @Test
    void everyModuleIsNamedAfterItsFileAndWellDelimited() {
        for (String name : StandardModules.names()) {
            List<String> lines = StandardModules.source(name).orElseThrow().lines().toList();
            Matcher header = HEADER.matcher(lines.get(0));
            assertTrue(header.matches(), name + ": first line is not a module header: " + lines.get(0));
            assertEquals(name, header.group(1), "module name differs from its file name");
            int closing = lines.size() - 1;
            while (lines.get(closing).isBlank()) {
                closing--;
            }
            assertTrue(lines.get(closing).matches("^={4,}\\s*$"), name + ": last line is not ====");
            for (int i = 1; i < closing; i++) {
                String line = lines.get(i);
                assertFalse(line.matches("^={4,}.*"), name + ":" + (i + 1) + ": a second module end");
                assertFalse(HEADER.matcher(line).matches(), name + ":" + (i + 1) + ": a nested module");
            }
            assertBalanced(name, String.join("\n", lines));
        }
    }

    /** Brackets balance outside comments and strings, and every (* is closed. */
    private static void assertBalanced(String name, String text) {
        StringBuilder stack = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (depth == 0 && text.startsWith("\\*", i)) {
                i = text.indexOf('\n', i);
                if (i < 0) {
                    break;
                }
            } else if (text.startsWith("(*", i)) {
                depth++;
                i++;
            } else if (depth > 0 && text.startsWith("*)", i)) {
                depth--;
                i++;
            } else if (depth == 0 && c == '"') {
                i = text.indexOf('"', i + 1);
            } else if (depth == 0 && "([{".indexOf(c) >= 0) {
                stack.append(c);
            } else if (depth == 0 && ")]}".indexOf(c) >= 0) {
                assertTrue(stack.length() > 0, name + ": unbalanced " + c + " at offset " + i);
                char open = stack.charAt(stack.length() - 1);
                assertEquals("([{".indexOf(open), ")]}".indexOf(c), name + ": mismatched " + c + " at offset " + i);
                stack.setLength(stack.length() - 1);
            }
        }
        assertEquals(0, depth, name + ": unclosed comment");
        assertEquals("", stack.toString(), name + ": unclosed brackets");
    }

    @Test
    void documentedOperatorsOfTheStandardModulesAreDefined() {
        Map<String, List<String>> expected = Map.of(
                "Sequences", List.of("Seq", "Len", "\\o", "Append", "Head", "Tail", "SubSeq", "SelectSeq"),
                "Bags", List.of("IsABag", "BagToSet", "SetToBag", "BagIn", "EmptyBag", "\\oplus", "\\ominus", "BagUnion",
                        "\\sqsubseteq", "SubBag", "BagOfAll", "BagCardinality", "CopiesIn"),
                "TLC", List.of("Print", "PrintT", "Assert", "JavaTime", "TLCGet", "TLCSet", ":>", "@@",
                        "Permutations", "SortSeq", "RandomElement", "Any", "ToString", "TLCEval"),
                "TLCExt", List.of("AssertEq", "AssertError", "TLCModelValue", "Trace", "TLCDefer", "PickSuccessor",
                        "CounterExample"),
                "Naturals", List.of("Nat", "+", "-", "*", "^", "<", ">", "<=", ">=", "\\div", "%", ".."),
                "Integers", List.of("Int", "-."),
                "FiniteSets", List.of("IsFiniteSet", "Cardinality"));
        expected.forEach((module, ops) -> {
            Map<String, Integer> defs = definitions(StandardModules.source(module).orElseThrow());
            for (String op : ops) {
                assertTrue(defs.containsKey(op), module + " lacks " + op);
            }
        });
    }

    /** Operator name to arity for the top-level definitions of a module text. */
    static Map<String, Integer> definitions(String text) {
        Map<String, Integer> defs = new HashMap<>();
        for (String line : text.lines().toList()) {
            Matcher unary = UNARY_DEF.matcher(line);
            Matcher infix = INFIX_DEF.matcher(line);
            Matcher prefix = PREFIX_DEF.matcher(line);
            if (unary.find()) {
                defs.put(unary.group(1), 1);
            } else if (infix.find()) {
                defs.put(infix.group(1), 2);
            } else if (prefix.find()) {
                defs.put(prefix.group(1), prefix.group(2) == null ? 0 : topLevelCommas(prefix.group(2)) + 1);
            }
        }
        return defs;
    }

    private static int topLevelCommas(String params) {
        int depth = 0;
        int commas = 0;
        for (char c : params.toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                commas++;
            }
        }
        return commas;
    }
}
