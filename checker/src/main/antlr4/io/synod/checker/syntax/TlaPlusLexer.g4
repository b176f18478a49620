/*
 * Tokens of TLA+ (Specifying Systems + TLA+2), ASCII and Unicode spellings.
 * Junction-list structure tokens (J_AND, J_OR, J_SEP, J_END), WF/SF and SKIPPED are never
 * produced here: TokenPass derives them from columns and context.
 */
lexer grammar TlaPlusLexer;

tokens { J_AND, J_OR, J_SEP, J_END, WF, SF, SKIPPED }

COMMENT       : '(*' (COMMENT | .)*? '*)' -> skip ;
LINE_COMMENT  : '\\*' ~[\r\n]* -> skip ;
WS            : [ \t\r\n\f\u00A0]+ -> skip ;

END_MODULE    : '====' '='* ;
DASHES        : '----' '-'* ;

MODULE        : 'MODULE' ;
EXTENDS       : 'EXTENDS' ;
CONSTANT      : 'CONSTANT' | 'CONSTANTS' ;
VARIABLE      : 'VARIABLE' | 'VARIABLES' ;
ASSUME        : 'ASSUME' | 'ASSUMPTION' | 'AXIOM' ;
THEOREM       : 'THEOREM' | 'LEMMA' | 'PROPOSITION' | 'COROLLARY' ;
LOCAL         : 'LOCAL' ;
INSTANCE      : 'INSTANCE' ;
WITH          : 'WITH' ;
RECURSIVE     : 'RECURSIVE' ;
LAMBDA        : 'LAMBDA' ;
IF            : 'IF' ;
THEN          : 'THEN' ;
ELSE          : 'ELSE' ;
CASE          : 'CASE' ;
OTHER         : 'OTHER' ;
LET           : 'LET' ;
IN            : 'IN' ;
CHOOSE        : 'CHOOSE' ;
EXCEPT        : 'EXCEPT' ;
ENABLED       : 'ENABLED' ;
UNCHANGED     : 'UNCHANGED' ;
SUBSET        : 'SUBSET' ;
UNION         : 'UNION' ;
DOMAIN        : 'DOMAIN' ;
TRUE          : 'TRUE' ;
FALSE         : 'FALSE' ;
PROOF         : 'PROOF' ;
BY            : 'BY' ;
OBVIOUS       : 'OBVIOUS' ;
OMITTED       : 'OMITTED' ;
USE           : 'USE' ;
HIDE          : 'HIDE' ;
QED           : 'QED' ;

FORALL        : '\\A' | '\\forall' | '\u2200' ;
EXISTS        : '\\E' | '\\exists' | '\u2203' ;
TFORALL       : '\\AA' ;
TEXISTS       : '\\EE' ;

STEP          : '<' [0-9]+ '>' [a-zA-Z0-9_]* '.'* | '<*>' '.'* | '<+>' '.'* ;

DEFEQ         : '==' | '\u225C' ;
AND           : '/\\' | '\\land' | '\u2227' ;
OR            : '\\/' | '\\lor' | '\u2228' ;
NOT           : '~' | '\\lnot' | '\\neg' | '\u00AC' ;
IN_OP         : '\\in' | '\u2208' ;
EQ            : '=' ;
MINUS         : '-' ;
NEG_DEF       : '-.' ;
TIMES         : '\\X' | '\\times' | '\u00D7' ;
BOX           : '[]' | '\u25A1' ;
DIAMOND       : '<>' | '\u25C7' ;
PRIME         : '\'' | '\u2032' ;
POSTFIX_OP    : '^+' | '^*' | '^#' ;
ARROW         : '->' | '\u2192' ;
MAPSTO        : '|->' | '\u21A6' ;
LARROW        : '<-' | '\u2190' ;
LTUPLE        : '<<' | '\u27E8' ;
RTUPLE_SUB    : '>>_' | '\u27E9_' ;
RTUPLE        : '>>' | '\u27E9' ;
RBRACK_SUB    : ']_' ;
LPAREN        : '(' ;
RPAREN        : ')' ;
LBRACK        : '[' ;
RBRACK        : ']' ;
LBRACE        : '{' ;
RBRACE        : '}' ;
COMMA         : ',' ;
DCOLON        : '::' ;
COLON         : ':' ;
DOT           : '.' ;
BANG          : '!' ;
AT            : '@' ;
UNDERSCORE    : '_' ;

INFIX_OP
  : '+' | '*' | '/' | '^' | '%' | '++' | '--' | '**' | '//' | '^^' | '%%' | '..' | '...'
  | '|' | '||' | '&' | '&&' | '$' | '$$' | '??' | '!!' | '##' | '@@' | ':>' | '<:'
  | '<' | '>' | '<=' | '=<' | '>=' | '#' | '/=' | '-|' | '=|' | '|-' | '|=' | '::=' | ':='
  | '(+)' | '(-)' | '(.)' | '(/)' | '(\\X)' | '=>' | '<=>' | '~>' | '-+->'
  | '\\cdot' | '\\o' | '\\circ' | '\\div' | '\\cup' | '\\union' | '\\cap' | '\\intersect'
  | '\\' | '\\subseteq' | '\\subset' | '\\supseteq' | '\\supset' | '\\sqsubset'
  | '\\sqsubseteq' | '\\sqsupset' | '\\sqsupseteq' | '\\sqcap' | '\\sqcup' | '\\uplus'
  | '\\wr' | '\\oplus' | '\\ominus' | '\\odot' | '\\oslash' | '\\otimes' | '\\bigcirc'
  | '\\bullet' | '\\star' | '\\prec' | '\\preceq' | '\\succ' | '\\succeq' | '\\sim'
  | '\\simeq' | '\\ll' | '\\gg' | '\\approx' | '\\asymp' | '\\cong' | '\\doteq' | '\\propto'
  | '\\leq' | '\\geq' | '\\equiv' | '\\notin'
  | '\u21D2' | '\u27F9' | '\u21D4' | '\u2261' | '\u2260' | '\u2209' | '\u2264' | '\u2265'
  | '\u2286' | '\u2282' | '\u2287' | '\u2283' | '\u222A' | '\u2229' | '\u2216' | '\u2218'
  | '\u219D' | '\u21F8' | '\u22C5' | '\u2295' | '\u2296' | '\u2299' | '\u2298' | '\u2297'
  | '\u00F7' | '\u227A' | '\u2AAF' | '\u227C' | '\u227B' | '\u2AB0' | '\u227D' | '\u223C'
  | '\u2243' | '\u226A' | '\u226B' | '\u2248' | '\u224D' | '\u2245' | '\u2250' | '\u221D'
  | '\u228F' | '\u2291' | '\u2290' | '\u2292' | '\u2293' | '\u2294' | '\u228E' | '\u2240'
  | '\u22C6' | '\u25CF' | '\u25EF' | '\u22A2' | '\u22A8' | '\u22A3' | '\u2AE4' | '\u2025'
  | '\u2026' | '\u2A74' | '\u2223' | '\u2016' | '\u2254'
  ;

NUMBER
  : [0-9]+
  | ('\\b' | '\\B') [01]+
  | ('\\o' | '\\O') [0-7]+
  | ('\\h' | '\\H') [0-9a-fA-F]+
  ;
DECIMAL       : [0-9]+ '.' [0-9]+ ;
STRING        : '"' (~["\\\r\n] | '\\' ~[\r\n])* '"' ;
UNTERMINATED_STRING : '"' (~["\\\r\n] | '\\' ~[\r\n])* ;
IDENT         : [a-zA-Z0-9_]* [a-zA-Z] [a-zA-Z0-9_]*
  // the Unicode forms of Nat, Int and Real (TokenPass gives them their ASCII names)
  | '\u2115' | '\u2124' | '\u211D' ;
UNKNOWN_CHAR  : . ;
