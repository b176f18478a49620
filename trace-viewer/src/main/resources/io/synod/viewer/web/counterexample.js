// The counterexample view: the states with the action that led to each, the variables as trees
// with the changes against the previous state, and the messages between nodes.
import { readTrace } from './itf.js';
import { diff, changedVars, SAME } from './diff.js';
import { renderNode } from './tree.js';
import { detectMessageVars, messageArrows } from './messages.js';
import { el, svgEl, clear } from './dom.js';

const MSC_ROW = 26;
const MSC_TOP = 30;

export function showCounterexample(root, payload) {
  const trace = readTrace(payload.report);
  if (trace.states.length === 0) throw new Error('the trace has no states');
  const n = trace.states.length;
  const changed = trace.states.map((s, i) => changedVars(trace.vars, trace.states[i - 1], s));
  const ui = { index: 0, filter: '', hideUnchanged: false, open: new Map(), diffs: new Map() };

  const candidates = detectMessageVars(trace);
  let msgVar = null;
  if (payload.messages === 'none') msgVar = null;
  else if (payload.messages) {
    if (!trace.vars.includes(payload.messages)) throw new Error(`--messages names ${payload.messages}, which is no variable of the trace (${trace.vars.join(', ')})`);
    msgVar = payload.messages;
  } else msgVar = candidates[0] ?? null;

  const what = trace.violated ? `${trace.verdict ?? 'property'} ${trace.violated}` : (trace.description ?? '');
  const loopText = trace.loop === null ? null
    : trace.loop === n - 1 ? `the behaviour stutters forever in state ${n}` : `the behaviour loops back from state ${n} to state ${trace.loop + 1}`;
  root.append(el('header', {},
    el('h1', { text: payload.title || 'Counterexample' }),
    el('p', { class: 'summary' },
      el('span', { class: 'violation', text: what }),
      el('span', { id: 'state-count', 'data-count': n, text: `${n} state${n === 1 ? '' : 's'}` }),
      loopText ? el('span', { class: 'loopnote', id: 'loop-note', text: `lasso: ${loopText}` }) : null),
    trace.message ? el('p', { class: 'message', text: trace.message }) : null));

  const list = el('ol', { class: 'states', id: 'state-list' });
  trace.states.forEach((s, i) => {
    const item = el('li', { class: 'state', 'data-index': i, onclick: () => select(i) },
      el('span', { class: 'num', text: `${i + 1}` }),
      el('span', { class: 'action', text: s.action ?? (i === 0 ? 'Initial predicate' : '(action unknown)') }),
      trace.loop === i ? el('span', { class: 'loopstart', title: 'the lasso loops back to this state', text: '↺ loop' }) : null,
      changed[i].length ? el('span', { class: 'changed-vars', text: changed[i].join(', ') }) : null);
    list.append(item);
  });
  if (trace.loop !== null) {
    list.append(el('li', { class: 'loopback', id: 'loopback', onclick: () => select(trace.loop) },
      el('span', { class: 'num', text: '↻' }),
      el('span', { text: trace.loop === n - 1 ? `stutters in state ${n} forever` : `back to state ${trace.loop + 1}` })));
  }

  const filter = el('input', { type: 'search', id: 'filter', placeholder: 'filter variables  ( / )', 'aria-label': 'filter variables by name' });
  filter.addEventListener('input', () => { ui.filter = filter.value.trim().toLowerCase(); render(); });
  const hide = el('input', { type: 'checkbox', id: 'hide-unchanged' });
  hide.addEventListener('change', () => { ui.hideUnchanged = hide.checked; render(); });
  const pos = el('span', { class: 'pos', id: 'position' });
  const toolbar = el('div', { class: 'toolbar' },
    el('button', { id: 'prev', title: 'previous state (↑ or k)', onclick: () => step(-1), text: '◀' }),
    el('button', { id: 'next', title: 'next state (↓ or j)', onclick: () => step(1), text: '▶' }),
    pos, filter,
    el('label', {}, hide, ' hide unchanged (u)'));
  const action = el('div', { class: 'action-box', id: 'action' });
  const vars = el('ul', { class: 'tree vars', id: 'vars' });
  const detail = el('section', { class: 'detail' }, toolbar, action, vars);
  const body = el('div', { class: 'cx' }, el('aside', { class: 'side' }, list), detail);
  root.append(body);

  let msc = null;
  if (candidates.length || msgVar) {
    const choose = el('select', { id: 'message-var', 'aria-label': 'message variable' },
      el('option', { value: '', text: '(none)' }),
      ...trace.vars.filter((v) => candidates.includes(v) || v === msgVar).map((v) => el('option', { value: v, text: v, selected: v === msgVar })));
    choose.addEventListener('change', () => { msgVar = choose.value || null; drawMsc(); });
    msc = el('div', { class: 'msc', id: 'msc' });
    root.append(el('section', { class: 'msc-box' }, el('h2', {}, 'Messages ', choose), msc));
  }

  function diffAt(i, name) {
    const key = `${i}\u0000${name}`;
    let d = ui.diffs.get(key);
    if (!d) {
      d = i === 0 ? { s: SAME } : diff(trace.states[i - 1].values[name], trace.states[i].values[name]);
      ui.diffs.set(key, d);
    }
    return d;
  }

  function render() {
    const i = ui.index;
    const s = trace.states[i];
    pos.textContent = `state ${i + 1} of ${n}`;
    pos.dataset.index = i;
    clear(action).append(...[
      el('span', { class: 'label', text: 'Action' }),
      el('code', { class: 'name', id: 'action-name', text: s.action ?? (i === 0 ? 'Initial predicate' : '(not in the report)') }),
      s.location ? el('span', { class: 'loc', id: 'action-location', text: s.location }) : null,
      i === n - 1 && loopText ? el('span', { class: 'loopnote', text: `then ${loopText.replace('the behaviour ', '')}` }) : null,
    ].filter(Boolean));
    clear(vars);
    const ctx = { open: ui.open, rerender: render };
    let shown = 0;
    for (const name of trace.vars) {
      if (ui.filter && !name.toLowerCase().includes(ui.filter)) continue;
      const d = diffAt(i, name);
      if (ui.hideUnchanged && i > 0 && d.s === SAME) continue;
      vars.append(renderNode(name, s.values[name], d, name, 0, ctx));
      shown++;
    }
    if (shown === 0) vars.append(el('li', { class: 'empty', text: 'no variable matches' }));
    if (ui.shown !== undefined && list.children[ui.shown]) list.children[ui.shown].classList.remove('current');
    const cur = list.children[i];
    cur.classList.add('current');
    ui.shown = i;
    if (cur && cur.scrollIntoView) cur.scrollIntoView({ block: 'nearest' });
    markMscStep();
  }

  function select(i) {
    const t0 = performance.now();
    ui.index = Math.max(0, Math.min(n - 1, i));
    render();
    document.body.dataset.stepMs = (performance.now() - t0).toFixed(1);
  }

  // Past the last state of a lasso, stepping follows the loop back.
  function step(delta) {
    if (delta > 0 && ui.index === n - 1 && trace.loop !== null) select(trace.loop);
    else select(ui.index + delta);
  }

  function drawMsc() {
    clear(msc);
    if (!msgVar) { msc.append(el('p', { class: 'note', text: 'No message variable chosen.' })); return; }
    const { nodes, arrows } = messageArrows(trace, msgVar);
    msc.dataset.arrows = arrows.length;
    if (!arrows.length) { msc.append(el('p', { class: 'note', text: `${msgVar} holds no message in any state.` })); return; }
    const laneW = 150;
    const rowH = MSC_ROW;
    const top = MSC_TOP;
    const left = 110;
    const w = left + laneW * nodes.length;
    const h = top + rowH * n + 10;
    const x = (node) => left + laneW * nodes.indexOf(node) + laneW / 2;
    const y = (st) => top + rowH * st + rowH / 2;
    const svg = svgEl('svg', { width: w, height: h, class: 'msc-svg', viewBox: `0 0 ${w} ${h}` });
    const defs = svgEl('defs');
    const marker = svgEl('marker', { id: 'arrowhead', markerWidth: 8, markerHeight: 8, refX: 7, refY: 4, orient: 'auto' });
    marker.append(svgEl('path', { d: 'M0,0 L8,4 L0,8 z', class: 'head' }));
    defs.append(marker);
    svg.append(defs);
    // one band marks the current step (moved by render), one listener serves every row
    svg.append(svgEl('rect', { x: 0, y: top, width: w, height: rowH, class: 'current-step', id: 'msc-current' }));
    const labels = svgEl('g', { class: 'step-labels' });
    for (let st = 0; st < n; st++) {
      const act = trace.states[st].action ?? '';
      labels.append(svgEl('text', { x: 4, y: y(st) + 4, class: 'step-label' }, `${st + 1} ${act.length > 14 ? act.slice(0, 13) + '…' : act}`));
    }
    svg.append(labels);
    svg.addEventListener('click', (e) => {
      const r = svg.getBoundingClientRect();
      const st = Math.floor((e.clientY - r.top - top) / rowH);
      if (st >= 0 && st < n) select(st);
    });
    nodes.forEach((node) => {
      svg.append(svgEl('text', { x: x(node), y: 18, class: 'lane-label', 'text-anchor': 'middle' }, node === '*' ? 'all (*)' : node));
      svg.append(svgEl('line', { x1: x(node), y1: top, x2: x(node), y2: h, class: 'lane' }));
    });
    for (const a of arrows) {
      const x1 = x(a.from);
      const y1 = y(a.sent);
      const x2 = a.from === a.to ? x1 + 30 : x(a.to);
      const y2 = a.received === null ? y1 + rowH * 0.4 : y(a.received);
      const g = svgEl('g', { class: a.received === null ? 'msg in-flight' : 'msg' });
      g.append(svgEl('title', {}, `${a.text}\nsent in state ${a.sent + 1}${a.received === null ? ', never received' : `, received in state ${a.received + 1}`}`));
      g.append(svgEl('line', { x1, y1, x2, y2, 'marker-end': 'url(#arrowhead)' }));
      if (a.type) g.append(svgEl('text', { x: (x1 + x2) / 2, y: (y1 + y2) / 2 - 3, 'text-anchor': 'middle', class: 'msg-label' }, a.type));
      svg.append(g);
    }
    msc.append(svg);
    markMscStep();
  }

  function markMscStep() {
    const band = msc && msc.querySelector('#msc-current');
    if (band) band.setAttribute('y', MSC_TOP + MSC_ROW * ui.index);
  }

  document.addEventListener('keydown', (e) => {
    if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement) {
      if (e.key === 'Escape') e.target.blur();
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const keys = {
      ArrowDown: () => step(1), ArrowRight: () => step(1), j: () => step(1), n: () => step(1),
      ArrowUp: () => step(-1), ArrowLeft: () => step(-1), k: () => step(-1), p: () => step(-1),
      Home: () => select(0), End: () => select(n - 1),
      '/': () => filter.focus(),
      u: () => { hide.checked = !hide.checked; ui.hideUnchanged = hide.checked; render(); },
    };
    const f = keys[e.key];
    if (f) { e.preventDefault(); f(); }
  });

  render();
  if (msc) drawMsc();
}
