package io.synod.checker.syntax.ast;

import java.util.HashMap;
import java.util.Map;

/**
 * Canonical operator spellings and the TLA+ precedence table (Specifying Systems, table 6).
 *
 * <p>The parser normalizes every synonym to one canonical ASCII spelling, so later phases only
 * ever see the names listed as constants here: {@code \land}, {@code ∧} become {@code /\};
 * {@code #} and {@code ≠} become {@code /=}; {@code =<}, {@code \leq} become {@code <=}; unary
 * minus is {@code -.}; {@code (+)} is {@code \oplus}; and so on.
 */
public final class Operators {
  private Operators() {}

  public static final String AND = "/\\";
  public static final String OR = "\\/";
  public static final String NOT = "~";
  public static final String IMPLIES = "=>";
  public static final String EQUIV = "<=>";
  public static final String EQ = "=";
  public static final String NEQ = "/=";
  public static final String IN = "\\in";
  public static final String NOTIN = "\\notin";
  public static final String SUBSETEQ = "\\subseteq";
  public static final String CUP = "\\cup";
  public static final String CAP = "\\cap";
  public static final String SETMINUS = "\\";
  public static final String LEADS_TO = "~>";
  public static final String PLUS_ARROW = "-+->";
  public static final String CDOT = "\\cdot";
  public static final String PRIME = "'";
  public static final String NEG = "-.";
  public static final String ALWAYS = "[]";
  public static final String EVENTUALLY = "<>";
  public static final String ENABLED = "ENABLED";
  public static final String UNCHANGED = "UNCHANGED";
  public static final String SUBSET = "SUBSET";
  public static final String UNION = "UNION";
  public static final String DOMAIN = "DOMAIN";
  public static final String TIMES = "\\X";

  /** Precedence range and associativity of an operator. */
  public record Precedence(int low, int high, boolean leftAssoc) {}

  private static final Map<String, String> CANONICAL = new HashMap<>();
  private static final Map<String, Precedence> INFIX = new HashMap<>();
  private static final Map<String, Precedence> PREFIX = new HashMap<>();
  private static final Map<String, Precedence> POSTFIX = new HashMap<>();

  private static void syn(String canonical, String... spellings) {
    CANONICAL.put(canonical, canonical);
    for (String s : spellings) {
      CANONICAL.put(s, canonical);
    }
  }

  private static void infix(int low, int high, boolean left, String... ops) {
    for (String op : ops) {
      INFIX.put(op, new Precedence(low, high, left));
      CANONICAL.putIfAbsent(op, op);
    }
  }

  static {
    syn(AND, "\\land", "∧");
    syn(OR, "\\lor", "∨");
    syn(NOT, "\\lnot", "\\neg", "¬");
    syn(IMPLIES, "⇒", "⟹");
    syn(EQUIV, "\\equiv", "⇔", "≡");
    syn(NEQ, "#", "≠");
    syn(IN, "∈");
    syn(NOTIN, "∉");
    syn("<=", "=<", "\\leq", "≤");
    syn(">=", "\\geq", "≥");
    syn(SUBSETEQ, "⊆");
    syn("\\subset", "⊂");
    syn("\\supseteq", "⊇");
    syn("\\supset", "⊃");
    syn(CUP, "\\union", "∪");
    syn(CAP, "\\intersect", "∩");
    syn(SETMINUS, "∖");
    syn("\\o", "\\circ", "∘");
    syn(LEADS_TO, "↝");
    syn(PLUS_ARROW, "⇸");
    syn(CDOT, "⋅");
    syn("\\oplus", "(+)", "⊕");
    syn("\\ominus", "(-)", "⊖");
    syn("\\odot", "(.)", "⊙");
    syn("\\oslash", "(/)", "⊘");
    syn("\\otimes", "(\\X)", "⊗");
    syn(TIMES, "\\times", "×");
    syn("\\div", "÷");
    syn("\\prec", "≺");
    syn("\\preceq", "⪯", "≼");
    syn("\\succ", "≻");
    syn("\\succeq", "⪰", "≽");
    syn("\\sim", "∼");
    syn("\\simeq", "≃");
    syn("\\ll", "≪");
    syn("\\gg", "≫");
    syn("\\approx", "≈");
    syn("\\asymp", "≍");
    syn("\\cong", "≅");
    syn("\\doteq", "≐");
    syn("\\propto", "∝");
    syn("\\sqsubset", "⊏");
    syn("\\sqsubseteq", "⊑");
    syn("\\sqsupset", "⊐");
    syn("\\sqsupseteq", "⊒");
    syn("\\sqcap", "⊓");
    syn("\\sqcup", "⊔");
    syn("\\uplus", "⊎");
    syn("\\wr", "≀");
    syn("\\star", "⋆");
    syn("\\bullet", "●");
    syn("\\bigcirc", "◯");
    syn("|-", "⊢");
    syn("|=", "⊨");
    syn("-|", "⊣");
    syn("=|", "⫤");
    syn("..", "‥");
    syn("...", "…");
    syn("::=", "⩴");
    syn(":=", "≔");
    syn("|", "∣");
    syn("||", "‖");
    syn("!!", "‼");
    syn("??", "⁇");
    syn("^+", "⁺");
    syn(PRIME, "′");
    syn(ALWAYS, "□");
    syn(EVENTUALLY, "◇", "⋄");

    infix(1, 1, false, IMPLIES);
    infix(2, 2, false, PLUS_ARROW, EQUIV, LEADS_TO);
    infix(3, 3, true, AND, OR);
    infix(5, 5, false, NEQ, "-|", "::=", ":=", "<", EQ, "=|", ">", "\\approx", "\\asymp", "\\cong",
        "\\doteq", ">=", "\\gg", IN, NOTIN, "<=", "\\ll", "\\prec", "\\preceq", "\\propto", "\\sim",
        "\\simeq", "\\sqsubset", "\\sqsubseteq", "\\sqsupset", "\\sqsupseteq", "\\subset", SUBSETEQ,
        "\\succ", "\\succeq", "\\supset", "\\supseteq", "|-", "|=");
    infix(5, 14, true, CDOT);
    infix(6, 6, true, "@@");
    infix(7, 7, false, ":>", "<:");
    infix(8, 8, false, SETMINUS);
    infix(8, 8, true, CAP, CUP);
    infix(9, 9, false, "..", "...");
    infix(9, 13, true, "!!", "##", "$", "$$", "??", "\\sqcap", "\\sqcup", "\\uplus");
    infix(9, 14, false, "\\wr");
    infix(10, 10, true, "\\oplus", "+", "++");
    infix(10, 11, false, "%");
    infix(10, 11, true, "%%", "|", "||");
    infix(10, 13, true, TIMES);
    infix(11, 11, true, "\\ominus", "-", "--");
    infix(13, 13, true, "&", "&&", "\\odot", "\\otimes", "*", "**", "\\bigcirc", "\\bullet", "\\o",
        "\\star");
    infix(13, 13, false, "\\oslash", "/", "//", "\\div");
    infix(14, 14, false, "^", "^^");

    PREFIX.put(NOT, new Precedence(4, 4, false));
    PREFIX.put(ENABLED, new Precedence(4, 15, false));
    PREFIX.put(UNCHANGED, new Precedence(4, 15, false));
    PREFIX.put(ALWAYS, new Precedence(4, 15, false));
    PREFIX.put(EVENTUALLY, new Precedence(4, 15, false));
    // SANY's table (tla2sany ConfigConstants), which the parse of "A \cup UNION B \cup C" as
    // "A \cup (UNION B) \cup C" follows from
    PREFIX.put(SUBSET, new Precedence(10, 13, false));
    PREFIX.put(UNION, new Precedence(10, 13, false));
    PREFIX.put(DOMAIN, new Precedence(10, 13, false));
    PREFIX.put(NEG, new Precedence(12, 12, false));
    for (String p : new String[] {PRIME, "^+", "^*", "^#"}) {
      POSTFIX.put(p, new Precedence(15, 15, false));
      CANONICAL.putIfAbsent(p, p);
    }
    for (String p : PREFIX.keySet()) {
      CANONICAL.putIfAbsent(p, p);
    }
  }

  /** The canonical spelling of an operator symbol, or {@code spelling} itself if unknown. */
  public static String canonical(String spelling) {
    return CANONICAL.getOrDefault(spelling, spelling);
  }

  /** Precedence of a canonical infix operator, or null if {@code op} is not one. */
  public static Precedence infix(String op) {
    return INFIX.get(op);
  }

  /** Precedence of a canonical prefix operator ({@code -.} for unary minus), or null. */
  public static Precedence prefix(String op) {
    return PREFIX.get(op);
  }

  /** Precedence of a canonical postfix operator, or null. */
  public static Precedence postfix(String op) {
    return POSTFIX.get(op);
  }

  /** All canonical infix operator names (including {@code \\X}), sorted. */
  public static java.util.SortedSet<String> infixOperators() {
    return java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(INFIX.keySet()));
  }

  /** All canonical prefix operator names ({@code -.} for unary minus), sorted. */
  public static java.util.SortedSet<String> prefixOperators() {
    return java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(PREFIX.keySet()));
  }

  /** All canonical postfix operator names, sorted. */
  public static java.util.SortedSet<String> postfixOperators() {
    return java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(POSTFIX.keySet()));
  }

  /** True for infix symbols a module may define ({@code a (+) b == ...}). */
  public static boolean isInfix(String op) {
    return INFIX.containsKey(op);
  }
}
