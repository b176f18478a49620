------------------------ MODULE DifferentialEquations ------------------------
(***************************************************************************)
(* Integrate(D, a, b, InitVals): the values at b of the solution f of the  *)
(* ordinary differential equation D[<<r, f(r), f'(r), ..., f^(n)(r)>>] = 0 *)
(* with f^(i-1)(a) = InitVals[i] (n = Len(InitVals)), as Lamport defines   *)
(* it in Specifying Systems. It is a statement about real numbers, which  *)
(* the model checker cannot evaluate.                                      *)
(***************************************************************************)
LOCAL INSTANCE Reals
LOCAL INSTANCE Sequences

LOCAL Positive == {r \in Real : r > 0}

LOCAL Between(a, b) == {s \in Real : a < s /\ s < b}

LOCAL Around(r, e) == Between(r - e, r + e)

\* df is the derivative of f: the difference quotients near each point tend to df there.
LOCAL IsDerivative(df, f) ==
  /\ df \in [DOMAIN f -> Real]
  /\ \A r \in DOMAIN f : \A e \in Positive : \E d \in Positive :
       \A s \in Around(r, d) \ {r} : (f[s] - f[r]) / (s - r) \in Around(df[r], e)

Integrate(D, a, b, InitVals) ==
  LET n == Len(InitVals)
      g == CHOOSE g : \E e \in Positive :
             /\ g \in [0 .. n -> [Between(a - e, b + e) -> Real]]
             /\ \A i \in 1 .. n : IsDerivative(g[i], g[i - 1]) /\ g[i - 1][a] = InitVals[i]
             /\ \A r \in Between(a - e, b + e) : D[<<r>> \o [i \in 1 .. n + 1 |-> g[i - 1][r]]] = 0
  IN  [i \in 1 .. n |-> g[i - 1][b]]

=============================================================================
