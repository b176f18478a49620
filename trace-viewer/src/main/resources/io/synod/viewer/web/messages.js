// Message variables: a set or bag of records with a sender (and usually a receiver) field, as
// network models in TLA+ are written; and the sends and receipts of each step for the
// sequence diagram.
import { canon, format } from './itf.js';

const SOURCE = /^(m?src|m?source|m?from|m?sender)$/i;
const DEST = /^(m?dst|m?dest|m?destination|m?to|m?receiver)$/i;
const TYPE = /^(m?type|m?kind|m?tag|m?op)$/i;

// The message records of a value ([] when it is no set or bag of records).
function records(v) {
  if (v.t === 'set') return v.items.filter((x) => x.t === 'rec').map((x) => ({ msg: x, count: 1 }));
  if (v.t === 'bag') return v.keys.map((k, i) => ({ msg: k, count: Number(v.vals[i].v) }));
  return [];
}

function isCollection(v) {
  return v.t === 'set' || v.t === 'bag' || (v.t === 'seq' && v.items.length === 0);
}

// The fields that name sender, receiver and message type in a record, or null.
export function messageFields(rec) {
  const source = rec.keys.find((k) => SOURCE.test(k)) ?? null;
  const dest = rec.keys.find((k) => DEST.test(k)) ?? null;
  const type = rec.keys.find((k) => TYPE.test(k)) ?? null;
  return { source, dest, type };
}

// The variables that hold messages, best candidate first: every state's value is a set or bag
// (or empty), some state holds records, and the records name a sender or a receiver. Those
// with both fields come before those with one, then by how many messages they hold.
export function detectMessageVars(trace) {
  const found = [];
  for (const name of trace.vars) {
    let ok = true;
    let both = 0;
    let one = 0;
    for (const s of trace.states) {
      const v = s.values[name];
      if (!isCollection(v)) { ok = false; break; }
      for (const { msg } of records(v)) {
        const f = messageFields(msg);
        if (f.source && f.dest) both++;
        else if (f.source || f.dest) one++;
      }
      if (v.t === 'set' && v.items.some((x) => x.t !== 'rec')) { ok = false; break; }
    }
    if (ok && both + one > 0) found.push({ name, both, one });
  }
  found.sort((a, b) => (b.both > 0) - (a.both > 0) || (b.both + b.one) - (a.both + a.one));
  return found.map((f) => f.name);
}

// The message arrows of a trace for one variable: a message appears (or its count rises) at the
// step that sends it, and disappears (or its count falls) at the step that receives it. A
// message never removed is drawn at its send step, still in flight. Nodes are the senders and
// receivers named, in order of appearance; a message without a receiver goes to every node
// ("*"), one without a sender comes from "?".
export function messageArrows(trace, name) {
  const arrows = [];
  const nodes = [];
  const addNode = (n) => { if (!nodes.includes(n)) nodes.push(n); };
  const pending = new Map(); // canon -> arrows sent and not yet received, oldest first
  let before = new Map();
  trace.states.forEach((s, step) => {
    const now = new Map();
    for (const { msg, count } of records(s.values[name])) {
      now.set(canon(msg), { msg, count });
    }
    for (const [key, { msg, count }] of now) {
      const was = before.has(key) ? before.get(key).count : 0;
      for (let i = was; i < count; i++) {
        const f = messageFields(msg);
        const from = f.source ? label(msg, f.source) : '?';
        const to = f.dest ? label(msg, f.dest) : '*';
        addNode(from);
        addNode(to);
        const a = { from, to, sent: step, received: null, type: f.type ? label(msg, f.type) : '', text: format(msg), key };
        arrows.push(a);
        if (!pending.has(key)) pending.set(key, []);
        pending.get(key).push(a);
      }
    }
    for (const [key, { count }] of before) {
      const left = now.has(key) ? now.get(key).count : 0;
      for (let i = left; i < count; i++) {
        const q = pending.get(key);
        const a = q && q.shift();
        if (a) a.received = step;
      }
    }
    before = now;
  });
  // named nodes in their natural order; "?" first and "*" last
  nodes.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b, undefined, { numeric: true }));
  return { nodes, arrows };
}

function rank(n) {
  return n === '?' ? 0 : n === '*' ? 2 : 1;
}

function label(rec, field) {
  const v = rec.vals[rec.keys.indexOf(field)];
  return v.t === 'str' || v.t === 'mv' ? v.v : format(v);
}
