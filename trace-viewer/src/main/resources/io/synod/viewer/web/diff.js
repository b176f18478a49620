// What changed from one state's value to the next, down to the nested entry.
import { entries, equal, isComposite } from './itf.js';

export const SAME = 'same';
export const CHANGED = 'changed';
export const ADDED = 'added';
export const REMOVED = 'removed';

// A diff node: {s: status, kids: Map(key -> node) for a changed composite, old: the previous
// value (for changed scalars and removed entries)}. `before` may be undefined (no previous
// state: nothing is marked).
export function diff(before, after) {
  if (before === undefined) return { s: SAME };
  if (equal(before, after)) return { s: SAME };
  if (!isComposite(before) || !isComposite(after) || !comparable(before, after)) {
    return { s: CHANGED, old: before };
  }
  const kids = new Map();
  const old = new Map(entries(before).map((e) => [e.key, e]));
  const seen = new Set();
  for (const e of entries(after)) {
    seen.add(e.key);
    const o = old.get(e.key);
    if (o === undefined) kids.set(e.key, { s: ADDED });
    else if (after.t !== 'set') {
      const d = diff(o.value, e.value);
      if (d.s !== SAME) kids.set(e.key, d);
    }
  }
  for (const [k, o] of old) {
    if (!seen.has(k)) kids.set(k, { s: REMOVED, old: o.value, label: o.label });
  }
  return { s: CHANGED, kids };
}

// Kinds whose entries line up: the same kind, or functions under their other names (a
// sequence is a function on 1..n, a bag a function into counts, and ITF writes the empty
// function as an empty array).
function comparable(a, b) {
  if (a.t === b.t) return true;
  const fn = (v) => v.t === 'map' || v.t === 'bag' || (v.t === 'seq' && v.items.length === 0);
  return fn(a) && fn(b);
}

// Every changed leaf of a diff as "path status" lines, paths as TLA+ would write them
// (x.f[k]); for tests and for the state list's summary.
export function changes(name, node) {
  const out = [];
  walk(name, node, out);
  return out;
}

function walk(path, node, out) {
  if (node.s === SAME) return;
  if (node.kids === undefined || node.kids.size === 0) {
    out.push(`${path} ${node.s}`);
    return;
  }
  for (const [k, kid] of node.kids) {
    walk(`${path}[${k}]`, kid, out);
  }
}

// Names of the variables whose values differ between two states.
export function changedVars(vars, before, after) {
  if (!before) return [];
  return vars.filter((v) => !equal(before.values[v], after.values[v]));
}
