------------------------------ MODULE Functions -----------------------------
(***************************************************************************)
(* Restriction, range, inverse, injections, surjections and bijections,    *)
(* and folds over the values of a function.                                *)
(***************************************************************************)
LOCAL INSTANCE Folds

Restrict(f, S) == [x \in S |-> f[x]]

RestrictDomain(f, Test(_)) == [x \in {d \in DOMAIN f : Test(d)} |-> f[x]]

RestrictValues(f, Test(_)) == [x \in {d \in DOMAIN f : Test(f[d])} |-> f[x]]

IsRestriction(f, g) == DOMAIN f \subseteq DOMAIN g /\ \A x \in DOMAIN f : f[x] = g[x]

Range(f) == {f[x] : x \in DOMAIN f}

Image(f, S) == {f[x] : x \in S \cap DOMAIN f}

Inverse(f, S, T) == [y \in T |-> CHOOSE x \in S : (\E z \in S : f[z] = y) => f[x] = y]

AntiFunction(f) == Inverse(f, DOMAIN f, Range(f))

IsInjective(f) == \A x, y \in DOMAIN f : x # y => f[x] # f[y]
  \* native

IsSurjective(f, S, T) == \A y \in T : \E x \in S : f[x] = y

IsBijection(f, S, T) == IsInjective(f) /\ IsSurjective(f, S, T)

Injection(S, T) == {f \in [S -> T] : IsInjective(f)}

Surjection(S, T) == {f \in [S -> T] : IsSurjective(f, S, T)}

Bijection(S, T) == Injection(S, T) \cap Surjection(S, T)

ExistsInjection(S, T) == Injection(S, T) # {}

ExistsSurjection(S, T) == Surjection(S, T) # {}

ExistsBijection(S, T) == Bijection(S, T) # {}

Pointwise(Op(_, _), f, g) == [x \in DOMAIN f \cap DOMAIN g |-> Op(f[x], g[x])]

FoldFunction(op(_, _), base, fun) ==
  MapThenFoldSet(op, base, LAMBDA i : fun[i], LAMBDA D : CHOOSE i \in D : TRUE, DOMAIN fun)

FoldFunctionOnSet(op(_, _), base, fun, indices) ==
  MapThenFoldSet(op, base, LAMBDA i : fun[i], LAMBDA D : CHOOSE i \in D : TRUE, indices)

=============================================================================
