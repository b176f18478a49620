/*
 * TLA+ syntax over the token stream prepared by TokenPass (junction lists already delimited by
 * J_AND/J_OR ... J_SEP ... J_END, proofs replaced by SKIPPED, WF_/SF_ split off).
 *
 * Operator expressions are kept flat (expr = term (infixOp term)*, term = prefixOp* postfixed):
 * TLA+ precedence is a set of ranges with conflicts that a grammar cannot state, so
 * OperatorResolver builds the tree and reports conflicts the way SANY does.
 */
parser grammar TlaPlusParser;

options { tokenVocab = TlaPlusLexer; }

file : module EOF ;

module
  : DASHES MODULE IDENT DASHES extendsClause? unit* END_MODULE
  ;

extendsClause : EXTENDS IDENT (COMMA IDENT)* ;

unit
  : LOCAL? definition                               # definitionUnit
  | CONSTANT opDecl (COMMA opDecl)*                 # constantUnit
  | VARIABLE IDENT (COMMA IDENT)*                   # variableUnit
  | ASSUME (IDENT DEFEQ)? expr                      # assumeUnit
  | THEOREM (IDENT DEFEQ)? (expr | SKIPPED)         # theoremUnit
  | DASHES                                          # separatorUnit
  | module                                          # moduleUnit
  ;

definition
  : RECURSIVE opDecl (COMMA opDecl)*                                   # recursiveDef
  | instance                                                           # unnamedInstanceDef
  | IDENT (LPAREN opDecl (COMMA opDecl)* RPAREN)? DEFEQ instance        # namedInstanceDef
  | IDENT LBRACK quantBound (COMMA quantBound)* RBRACK DEFEQ expr       # functionDef
  | IDENT (LPAREN opDecl (COMMA opDecl)* RPAREN)? DEFEQ expr            # normalDef
  | prefixDefOp IDENT DEFEQ expr                                       # prefixDef
  | IDENT infixOp IDENT DEFEQ expr                                     # infixDef
  | IDENT postfixOp DEFEQ expr                                         # postfixDef
  ;

opDecl
  : IDENT                                               # identDecl
  | IDENT LPAREN UNDERSCORE (COMMA UNDERSCORE)* RPAREN  # opArityDecl
  | prefixDefOp UNDERSCORE                              # prefixDecl
  | UNDERSCORE infixOp UNDERSCORE                       # infixDecl
  | UNDERSCORE postfixOp                                # postfixDecl
  ;

instance : INSTANCE IDENT (WITH substitution (COMMA substitution)*)? ;

substitution : (IDENT | infixOp | prefixDefOp | postfixOp) LARROW (expr | anyOp) ;

anyOp : infixOp | prefixDefOp | postfixOp ;

prefixDefOp : NEG_DEF | MINUS | NOT | BOX | DIAMOND | ENABLED | UNCHANGED | SUBSET | UNION | DOMAIN ;

prefixOp : MINUS | NOT | BOX | DIAMOND | ENABLED | UNCHANGED | SUBSET | UNION | DOMAIN ;

infixOp : INFIX_OP | MINUS | EQ | IN_OP | AND | OR | TIMES ;

postfixOp : PRIME | POSTFIX_OP ;

expr : term (infixRef term)* ;

/** An infix operator, possibly of an instance: a M!+ b. */
infixRef : (instanceStep BANG)* infixOp ;

term : prefixOp* postfixed ;

postfixed : primary suffix* ;

suffix
  : LBRACK expr (COMMA expr)* RBRACK       # applySuffix
  | DOT IDENT                             # fieldSuffix
  | postfixOp                             # postfixSuffix
  ;

primary
  : LPAREN expr RPAREN                                              # parenExpr
  | NUMBER                                                          # numberExpr
  | STRING                                                          # stringExpr
  | (TRUE | FALSE)                                                  # boolExpr
  | AT                                                              # atExpr
  | IDENT (LPAREN IDENT (COMMA IDENT)* RPAREN)? DCOLON expr         # labelExpr
  | instanceStep (BANG selector)*                                  # nameExpr
  | infixOp LPAREN argument (COMMA argument)* RPAREN                # opSymbolExpr
  | (POSTFIX_OP | NEG_DEF) LPAREN argument RPAREN                   # unaryOpSymbolExpr
  | LBRACE boundOne COLON expr RBRACE                               # setFilterExpr
  | LBRACE (expr (COLON quantBound (COMMA quantBound)* | (COMMA expr)*))? RBRACE   # setEnumOrMapExpr
  | LBRACK quantBound (COMMA quantBound)* MAPSTO expr RBRACK        # funConsExpr
  | LBRACK field MAPSTO expr (COMMA field MAPSTO expr)* RBRACK      # recordExpr
  | LBRACK field COLON expr (COMMA field COLON expr)* RBRACK        # recordSetExpr
  | LBRACK expr bracketTail                                         # bracketExpr
  | LTUPLE (expr (COMMA expr)*)? (RTUPLE | RTUPLE_SUB subscript)    # tupleOrAngleExpr
  | (WF | SF) subscript LPAREN expr RPAREN                          # fairnessExpr
  | IF expr THEN expr ELSE expr                                     # ifExpr
  | CASE caseArm (BOX caseArm)* (BOX OTHER ARROW expr)?             # caseExpr
  | LET definition+ IN expr                                        # letExpr
  | (FORALL | EXISTS) quantBound (COMMA quantBound)* COLON expr     # boundedQuantExpr
  | (FORALL | EXISTS | TFORALL | TEXISTS) IDENT (COMMA IDENT)* COLON expr   # unboundedQuantExpr
  | CHOOSE boundOne COLON expr                                      # boundedChooseExpr
  | CHOOSE (IDENT | tupleIds) COLON expr                            # unboundedChooseExpr
  | LAMBDA IDENT (COMMA IDENT)* COLON expr                          # lambdaExpr
  | (J_AND | J_OR) expr (J_SEP expr)* J_END                         # junctionExpr
  ;

field : IDENT ;

instanceStep : IDENT (LPAREN argument (COMMA argument)* RPAREN)? ;

/**
 * What follows a '!' in a name: a definition of an instance, an operator symbol of an instance
 * (M!+(a, b)), or a subexpression of a definition: by position (Op!2!1), by label (Op!lbl),
 * the whole body (Op!:), the left/right operand (Op!<<, Op!>>) or a binder's body (Op!@).
 */
selector
  : instanceStep                                          # stepSelector
  | anyOp (LPAREN argument (COMMA argument)* RPAREN)?     # opSelector
  | (NUMBER | COLON | LTUPLE | RTUPLE | AT)                # positionSelector
  ;

argument : expr | anyOp ;

subscript
  : (instanceStep BANG)* IDENT                 # nameSubscript
  | LTUPLE (expr (COMMA expr)*)? RTUPLE         # tupleSubscript
  | LPAREN expr RPAREN                          # parenSubscript
  ;

/**
 * What follows the first expression of [S -> T], [f EXCEPT ...] and [A]_v. One alternative of
 * primary for the three (not three alternatives that each start with LBRACK expr) keeps parsing
 * linear: otherwise choosing among them looks past the whole expression, at every level of
 * nested brackets. {e : x \in S} and {a, b}, <<a, b>> and <<A>>_v are one alternative each for
 * the same reason (the AST builder tells them apart).
 */
bracketTail
  : ARROW expr RBRACK                                     # funSetTail
  | EXCEPT exceptUpdate (COMMA exceptUpdate)* RBRACK      # exceptTail
  | RBRACK_SUB subscript                                  # boxActionTail
  ;

caseArm : expr ARROW expr ;

exceptUpdate : BANG exceptPath+ EQ expr ;

exceptPath
  : DOT IDENT                             # fieldPath
  | LBRACK expr (COMMA expr)* RBRACK       # indexPath
  ;

boundOne : (IDENT | tupleIds) IN_OP expr ;

quantBound
  : tupleIds IN_OP expr                   # tupleBound
  | IDENT (COMMA IDENT)* IN_OP expr       # identsBound
  ;

tupleIds : LTUPLE IDENT (COMMA IDENT)* RTUPLE ;
