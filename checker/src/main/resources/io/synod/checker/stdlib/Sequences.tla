----------------------------- MODULE Sequences ------------------------------
(***************************************************************************)
(* Finite sequences: functions with domain 1..n.  All operators here are   *)
(* evaluated natively; the definitions state their meaning.                *)
(***************************************************************************)
LOCAL INSTANCE Naturals

Seq(S) == UNION {[1 .. n -> S] : n \in Nat}
  \* native

Len(s) == CHOOSE n \in Nat : DOMAIN s = 1 .. n
  \* native

s \o t ==
  [i \in 1 .. (Len(s) + Len(t)) |-> IF i <= Len(s) THEN s[i] ELSE t[i - Len(s)]]
  \* native

Append(s, e) == s \o <<e>>
  \* native

Head(s) == s[1]
  \* native

Tail(s) == [i \in 1 .. (Len(s) - 1) |-> s[i + 1]]
  \* native

SubSeq(s, m, n) == [i \in 1 .. (1 + n - m) |-> s[m + i - 1]]
  \* native

SelectSeq(s, Test(_)) ==
  LET Kept[n \in 0 .. Len(s)] ==
        IF n = 0 THEN <<>>
        ELSE IF Test(s[n]) THEN Append(Kept[n - 1], s[n]) ELSE Kept[n - 1]
  IN  Kept[Len(s)]
  \* native

=============================================================================
