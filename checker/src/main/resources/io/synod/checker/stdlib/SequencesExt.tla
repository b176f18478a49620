---------------------------- MODULE SequencesExt ----------------------------
(***************************************************************************)
(* More operators on finite sequences: conversions from and to sets,       *)
(* searching, editing, prefixes and suffixes, folds, and subsequences.     *)
(* Like the community module of the same name, it exports the modules it   *)
(* extends.                                                                *)
(***************************************************************************)
EXTENDS Sequences, Naturals, FiniteSets, FiniteSetsExt, Folds, Functions, Bags, TLC

ToSet(s) == {s[i] : i \in DOMAIN s}
  \* native

ToBag(s) == [x \in ToSet(s) |-> Cardinality({i \in DOMAIN s : s[i] = x})]

SetToSeqs(S) ==
  LET Positions == 1 .. Cardinality(S)
  IN  {f \in [Positions -> S] : IsInjective(f)}

SetToSeq(S) == CHOOSE s \in SetToSeqs(S) : TRUE
  \* native

SetToSortSeq(S, op(_, _)) == SortSeq(SetToSeq(S), op)
  \* native

SetToAllKPermutations(S) == UNION {SetToSeqs(T) : T \in SUBSET S}

TupleOf(set, n) == [1 .. n -> set]

SeqOf(set, n) == UNION {[1 .. m -> set] : m \in 0 .. n}

BoundedSeq(S, n) == SeqOf(S, n)

Contains(s, e) == \E i \in DOMAIN s : s[i] = e

IsSorted(s, op(_, _)) == \A i, j \in 1 .. Len(s) : i < j => op(s[i], s[j])

Reverse(s) == [i \in 1 .. Len(s) |-> s[Len(s) + 1 - i]]
  \* native

Remove(s, e) == SelectSeq(s, LAMBDA x : x # e)

ReplaceAll(s, old, new) == [i \in DOMAIN s |-> IF s[i] = old THEN new ELSE s[i]]

SelectInSeq(seq, Test(_)) ==
  LET Hits == {i \in 1 .. Len(seq) : Test(seq[i])}
  IN  IF Hits = {} THEN 0 ELSE Min(Hits)

SelectInSubSeq(seq, from, to, Test(_)) == SelectInSeq(SubSeq(seq, from, to), Test)

SelectLastInSeq(seq, Test(_)) ==
  LET Hits == {i \in 1 .. Len(seq) : Test(seq[i])}
  IN  IF Hits = {} THEN 0 ELSE Max(Hits)

SelectLastInSubSeq(seq, from, to, Test(_)) == SelectLastInSeq(SubSeq(seq, from, to), Test)

InsertAt(s, i, e) == SubSeq(s, 1, i - 1) \o <<e>> \o SubSeq(s, i, Len(s))

ReplaceAt(s, i, e) == [s EXCEPT ![i] = e]

RemoveAt(s, i) == SubSeq(s, 1, i - 1) \o SubSeq(s, i + 1, Len(s))

RemoveFirstMatch(s, Test(_)) ==
  LET at == SelectInSeq(s, Test)
  IN  IF at = 0 THEN s ELSE RemoveAt(s, at)

RemoveFirst(s, e) == RemoveFirstMatch(s, LAMBDA x : x = e)

Cons(elt, seq) == <<elt>> \o seq

Snoc(elt, seq) == Append(seq, elt)

Front(s) == SubSeq(s, 1, Len(s) - 1)

Last(s) == s[Len(s)]

IsPrefix(s, t) == Len(s) \leq Len(t) /\ s = SubSeq(t, 1, Len(s))

IsStrictPrefix(s, t) == IsPrefix(s, t) /\ s # t

IsSuffix(s, t) == Len(s) \leq Len(t) /\ s = SubSeq(t, Len(t) - Len(s) + 1, Len(t))

IsStrictSuffix(s, t) == IsSuffix(s, t) /\ s # t

Prefixes(s) == {SubSeq(s, 1, n) : n \in 0 .. Len(s)}

Suffixes(s) == {SubSeq(s, n, Len(s)) : n \in 1 .. (Len(s) + 1)}

CommonPrefixes(S) == {p \in UNION {Prefixes(s) : s \in S} : \A t \in S : IsPrefix(p, t)}

LongestCommonPrefix(S) ==
  CHOOSE p \in CommonPrefixes(S) : \A q \in CommonPrefixes(S) : Len(q) \leq Len(p)

SeqMod(a, b) == IF a % b = 0 THEN b ELSE a % b

FoldSeq(op(_, _), base, seq) == FoldFunction(op, base, seq)
  \* native

FoldLeft(op(_, _), base, seq) ==
  MapThenFoldSet(LAMBDA x, acc : op(acc, x), base, LAMBDA i : seq[i], LAMBDA D : Max(D), DOMAIN seq)
  \* native

FoldRight(op(_, _), seq, base) ==
  MapThenFoldSet(op, base, LAMBDA i : seq[i], LAMBDA D : Min(D), DOMAIN seq)
  \* native

FoldLeftDomain(op(_, _), base, seq) == FoldLeft(op, base, [i \in DOMAIN seq |-> i])

FoldRightDomain(op(_, _), seq, base) == FoldRight(op, [i \in DOMAIN seq |-> i], base)

FlattenSeq(seqs) ==
  IF Len(seqs) = 0 THEN seqs
  ELSE LET Joined[n \in 1 .. Len(seqs)] ==
             IF n = 1 THEN seqs[1] ELSE Joined[n - 1] \o seqs[n]
       IN  Joined[Len(seqs)]
  \* native

Zip(s, t) ==
  [i \in 1 .. (IF Len(s) \leq Len(t) THEN Len(s) ELSE Len(t)) |-> <<s[i], t[i]>>]

Interleave(s, t) ==
  [i \in 1 .. (2 * Len(s)) |-> IF i % 2 = 1 THEN <<s[(i + 1) \div 2]>> ELSE <<t[i \div 2]>>]

SubSeqs(s) == {SubSeq(s, m, n) : m \in 1 .. (Len(s) + 1), n \in 0 .. Len(s)}

AllSubSeqs(s) ==
  {[i \in 1 .. Cardinality(D) |-> s[SetToSortSeq(D, LAMBDA a, b : a < b)[i]]] : D \in SUBSET DOMAIN s}

IndexFirstSubSeq(s, t) ==
  Min({i \in 1 .. (Len(t) + 1) : i + Len(s) \leq Len(t) + 1 /\ SubSeq(t, i, i + Len(s) - 1) = s})

ReplaceSubSeqAt(i, r, s, t) == SubSeq(t, 1, i - 1) \o r \o SubSeq(t, i + Len(s), Len(t))

ReplaceFirstSubSeq(r, s, t) ==
  IF s \in SubSeqs(t) THEN ReplaceSubSeqAt(IndexFirstSubSeq(s, t), r, s, t) ELSE t

ReplaceAllSubSeqs(r, s, t) ==
  (*************************************************************************)
  (* Scans t from the left, replacing each occurrence of s by r; an empty  *)
  (* s puts r before every element of t.                                   *)
  (*************************************************************************)
  IF s = t THEN r
  ELSE IF Len(s) = 0 THEN FlattenSeq([i \in 1 .. Len(t) |-> r \o <<t[i]>>])
  ELSE LET Rest(n) == SubSeq(t, Len(t) - n + 1, Len(t))
           Done[n \in 0 .. Len(t)] ==
             IF n < Len(s) THEN Rest(n)
             ELSE IF SubSeq(Rest(n), 1, Len(s)) = s THEN r \o Done[n - Len(s)]
             ELSE <<Rest(n)[1]>> \o Done[n - 1]
       IN  Done[Len(t)]
  \* native

=============================================================================
