-------------------------------- MODULE Folds -------------------------------
(***************************************************************************)
(* The general fold over a finite set, on which the folds of Functions,    *)
(* FiniteSetsExt and SequencesExt are built.                               *)
(***************************************************************************)

MapThenFoldSet(op(_, _), base, f(_), choose(_), S) ==
  (*************************************************************************)
  (* op(f(x1), op(f(x2), ... op(f(xn), base))) where x1 = choose(S), x2 =  *)
  (* choose(S \ {x1}), and so on.  Unless choose fixes the order, op must  *)
  (* be associative and commutative for the result to be determined.       *)
  (*************************************************************************)
  LET Fold[Rest \in SUBSET S] ==
        IF Rest = {} THEN base
        ELSE LET picked == choose(Rest)
             IN  op(f(picked), Fold[Rest \ {picked}])
  IN  Fold[S]
  \* native

=============================================================================
