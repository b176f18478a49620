--------------------------------- MODULE SVG ---------------------------------
(***************************************************************************)
(* SVG pictures of states (for ALIAS animations). An element is a record  *)
(* [name, attrs, children, innerText]: the tag, a function from attribute *)
(* names to strings, the sequence of child elements and the text inside.  *)
(***************************************************************************)
LOCAL INSTANCE Integers
LOCAL INSTANCE Sequences
LOCAL INSTANCE TLC

\* The attributes of a, then those of b that a does not set.
LOCAL Merge(a, b) == [k \in DOMAIN a \cup DOMAIN b |-> IF k \in DOMAIN a THEN a[k] ELSE b[k]]

SVGElem(_name, _attrs, _children, _innerText) ==
  [name |-> _name, attrs |-> _attrs, children |-> _children, innerText |-> _innerText]

Line(x1, y1, x2, y2, attrs) ==
  SVGElem("line", Merge([x1 |-> ToString(x1), y1 |-> ToString(y1), x2 |-> ToString(x2),
                         y2 |-> ToString(y2)], attrs), <<>>, "")

Circle(cx, cy, r, attrs) ==
  SVGElem("circle", Merge([cx |-> ToString(cx), cy |-> ToString(cy), r |-> ToString(r)], attrs), <<>>, "")

Rect(x, y, w, h, attrs) ==
  SVGElem("rect", Merge([x |-> ToString(x), y |-> ToString(y), width |-> ToString(w),
                         height |-> ToString(h)], attrs), <<>>, "")

Text(x, y, text, attrs) ==
  SVGElem("text", Merge([x |-> ToString(x), y |-> ToString(y)], attrs), <<>>, text)

Image(x, y, width, height, href, attrs) ==
  SVGElem("image", Merge(("xlink:href" :> href @@ "x" :> ToString(x) @@ "y" :> ToString(y)
                          @@ "width" :> ToString(width) @@ "height" :> ToString(height)), attrs), <<>>, "")

Group(children, attrs) == SVGElem("g", attrs, children, "")

Svg(children, attrs) == SVGElem("svg", attrs, children, "")

(***************************************************************************)
(* The element as SVG text: <name k="v" ...>children innerText</name>.     *)
(* Computed natively; as a formula it only says that it is a string.       *)
(***************************************************************************)
SVGElemToString(elem) == CHOOSE s \in STRING : TRUE
  \* native

(***************************************************************************)
(* The coordinates of the n-th of m nodes placed evenly on the circle of   *)
(* radius r centred at (cx, cy), rounded to integers (computed natively).  *)
(***************************************************************************)
NodeOfRingNetwork(cx, cy, r, n, m) == CHOOSE p \in [x : Int, y : Int] : TRUE
  \* native

\* A layout of a graph's nodes; Synod has no layout engine, so it is left unspecified.
NodesOfDirectedMultiGraph(nodes, edges, options) == CHOOSE f \in [nodes -> [x : Int, y : Int]] : TRUE

\* The point 1/segment of the way from one point to another.
PointOnLine(from, to, segment) ==
  [x |-> from.x + (to.x - from.x) \div segment, y |-> from.y + (to.y - from.y) \div segment]

=============================================================================
