// The trace validation view: where an implementation trace stopped matching the spec. The
// rejected event with its log line and the reason, the spec states that were possible just
// before it beside the logged values (mismatches highlighted), and the matched prefix as a
// counterexample.
import { decode, format } from './itf.js';
import { showCounterexample } from './counterexample.js';
import { renderNode } from './tree.js';
import { el } from './dom.js';

export function showTrace(root, payload) {
  const r = payload.report || {};
  const rej = r.rejected || null;
  const verdict = r.verdict || (rej ? 'rejected' : 'accepted');
  root.append(el('header', {},
    el('h1', { text: payload.title || 'Trace validation' }),
    el('p', { class: 'summary' },
      el('span', { class: `verdict v-${{ rejected: 'invalid', accepted: 'valid' }[verdict] ?? 'unknown'}`, id: 'trace-verdict', text: verdict }),
      r.spec ? el('span', { text: `spec ${r.spec}` }) : null,
      r.trace ? el('span', { text: `trace ${r.trace}` }) : null,
      r.events !== undefined ? el('span', { text: `${r.events} events` }) : null)));
  // ITF writes model values as strings; the prefix names them, and the candidates share them
  const mvs = new Set(((r.prefix || {})['#meta'] || {})['model-values'] || []);
  if (rej) root.append(rejection(rej, mvs));
  if (verdict === 'unknown') root.append(el('p', { class: 'reason', id: 'unknown-reason', text: r.unknown || 'no verdict' }));
  if (r.prefix && Array.isArray(r.prefix.states) && r.prefix.states.length) {
    const box = el('section', { class: 'prefix', id: 'prefix' });
    root.append(el('h2', { class: 'section-title', text: `Matched prefix: the spec behaviour that explains the events before ${rej ? `event ${rej.index}` : 'the end'}` }), box);
    showCounterexample(box, { title: 'Matched prefix', report: r.prefix, messages: payload.messages });
  } else if (verdict === 'accepted') {
    root.append(el('p', { class: 'note', id: 'trace-accepted', text: 'The whole trace is a behaviour of the spec.' }));
  }
}

function rejection(rej, mvs) {
  const box = el('section', { class: 'rejection', id: 'rejection' });
  const where = [rej.file, rej.line].filter((x) => x !== undefined && x !== null).join(':');
  box.append(el('h2', { text: `Rejected at event ${rej.index ?? '?'}${where ? ` (${where})` : ''}` }));
  if (rej.action) box.append(el('p', { class: 'note', id: 'rejection-action', text: `mapped to ${rej.action}${rej.part ? `, part ${rej.part} of the trace` : ''}` }));
  if (rej.reason) box.append(el('p', { class: 'reason', id: 'rejection-reason', text: rej.reason }));
  if (rej.event !== undefined) {
    box.append(el('pre', { class: 'logline', id: 'log-line', text: typeof rej.event === 'string' ? rej.event : JSON.stringify(rej.event) }));
  }
  const nearest = Array.isArray(rej.nearest) ? rej.nearest : [];
  const count = rej.candidates ?? nearest.length;
  box.append(el('p', { class: 'note', text: `${count} spec state${count === 1 ? ' was' : 's were'} possible just before this event${nearest.length < count ? `; the ${nearest.length} nearest shown` : ''}.` }));
  nearest.forEach((c, i) => box.append(candidate(c, i, mvs)));
  return box;
}

// One candidate: its mismatches as rows of logged against spec value, then its whole state.
function candidate(c, i, mvs) {
  const sec = el('div', { class: 'candidate', 'data-index': i });
  sec.append(el('h3', { text: `Candidate ${i + 1}${c.action ? `: ${c.action}` : ''}` }));
  const rows = (c.mismatches || []).map((m, j) => {
    const path = [m.variable, ...(m.path || []).map((p) => `[${typeof p === 'string' ? p : format(decode(p, '$', mvs))}]`)].join('');
    return el('tr', { class: 'mismatch', 'data-variable': m.variable ?? '' },
      el('td', { class: 'var', text: m.variable !== undefined ? path : (m.conjunct ?? '') }),
      el('td', { class: 'logged', text: m.logged === undefined ? '—' : format(decode(m.logged, `$.rejected.nearest[${i}].mismatches[${j}].logged`, mvs)) }),
      el('td', { class: 'spec', text: m.spec === undefined ? '—' : format(decode(m.spec, `$.rejected.nearest[${i}].mismatches[${j}].spec`, mvs)) }),
      el('td', { class: 'why', text: m.reason || [m.conjunct, m.at && `(${m.at})`].filter(Boolean).join(' ') }));
  });
  if (rows.length) {
    sec.append(el('table', { class: 'mismatches' },
      el('thead', {}, el('tr', {}, el('th', { text: 'variable or conjunct' }), el('th', { text: 'logged' }), el('th', { text: 'spec' }), el('th', { text: 'why' }))),
      el('tbody', {}, ...rows)));
  }
  if (c.state && typeof c.state === 'object') {
    const mismatched = new Set((c.mismatches || []).map((m) => m.variable));
    const ul = el('ul', { class: 'tree vars' });
    const ctx = { open: new Map(), rerender: () => { const fresh = candidate(c, i, mvs); sec.replaceWith(fresh); } };
    for (const name of Object.keys(c.state)) {
      if (name === '#meta') continue;
      const node = mismatched.has(name) ? { s: 'changed' } : undefined;
      ul.append(renderNode(name, decode(c.state[name], `$.rejected.nearest[${i}].state.${name}`, mvs), node, `cand${i}\u0001${name}`, 0, ctx));
    }
    sec.append(el('details', {}, el('summary', { text: 'the whole candidate state' }), ul));
  }
  return sec;
}
