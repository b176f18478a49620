-------------------------- MODULE SequencesExtTheorems --------------------------
(***************************************************************************)
(* Facts about the operators of SequencesExt (statements only; proofs      *)
(* omitted).                                                               *)
(***************************************************************************)
EXTENDS SequencesExt, Sequences, Integers, FiniteSets

THEOREM ReverseLength ==
  ASSUME NEW S, NEW s \in Seq(S)
  PROVE  Reverse(s) \in Seq(S) /\ Len(Reverse(s)) = Len(s)

THEOREM ReverseInvolutive ==
  ASSUME NEW S, NEW s \in Seq(S)
  PROVE  Reverse(Reverse(s)) = s

THEOREM ToSetOfEmpty == ToSet(<<>>) = {}

THEOREM ConsHeadTail ==
  ASSUME NEW S, NEW x \in S, NEW s \in Seq(S)
  PROVE  Cons(x, s) \in Seq(S) /\ Head(Cons(x, s)) = x /\ Tail(Cons(x, s)) = s

THEOREM FrontLastAppend ==
  ASSUME NEW S, NEW s \in Seq(S), s # <<>>
  PROVE  Append(Front(s), Last(s)) = s

THEOREM IsPrefixReflexive ==
  ASSUME NEW S, NEW s \in Seq(S)
  PROVE  IsPrefix(s, s)

THEOREM PrefixesOfSequence ==
  ASSUME NEW S, NEW s \in Seq(S)
  PROVE  \A p \in Prefixes(s) : IsPrefix(p, s)

=============================================================================
