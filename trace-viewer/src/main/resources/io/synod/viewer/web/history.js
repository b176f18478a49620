// The history view: one lane per client process, each operation a bar from its invocation to
// its completion (in event order, the order linearizability is judged by), the operation that
// cannot be linearized and the longest partial linearization drawn over the bars.
import { el, clear } from './dom.js';

const LANE_H = 26;
const AXIS_H = 22;
const LEFT = 70;

// The partitions of a history to show as tabs: [{key, ops, result}], the first invalid first.
export function partitions(payload) {
  const ops = payload.history.ops;
  const results = (payload.report && payload.report.results) || [];
  const keys = [];
  const byKey = new Map();
  for (const op of ops) {
    const k = op.key ?? null;
    if (!byKey.has(k)) { byKey.set(k, []); keys.push(k); }
    byKey.get(k).push(op);
  }
  const tabs = keys.map((k) => ({
    key: k,
    ops: byKey.get(k),
    result: results.find((r) => (r.key ?? null) === k) ?? (results.length === 1 && k === null ? results[0] : null),
  }));
  tabs.sort((a, b) => (verdict(a) === 'invalid' ? 0 : 1) - (verdict(b) === 'invalid' ? 0 : 1));
  return tabs;
}

function verdict(tab) {
  return tab.result ? tab.result.valid : 'not checked';
}

// The failing operation and the longest partial linearization of a partition, as ops of the
// history: {failing, path: [{op, state}], length, reason, pathState}.
export function failureOf(tab) {
  const f = tab.result && tab.result.failure;
  if (!f) return null;
  const byInvoke = new Map(tab.ops.map((o) => [o.invokeLine, o]));
  const paths = (f.paths || []).slice().sort((a, b) => b.length - a.length);
  const best = paths[0];
  return {
    failing: byInvoke.get(f.op.invokeLine) ?? null,
    path: best ? best.tail.map((s) => ({ op: byInvoke.get(s.invokeLine) ?? null, state: s.state, text: s })) : [],
    length: best ? best.length : 0,
    reason: best ? best.reason : '',
    pathState: best ? best.state : '',
  };
}

export function showHistory(root, payload) {
  if (!payload.history || !Array.isArray(payload.history.ops)) throw new Error('the history view needs the operations of the history');
  const report = payload.report || {};
  const tabs = partitions(payload);
  root.append(el('header', {},
    el('h1', { text: payload.title || 'History' }),
    el('p', { class: 'summary' },
      el('span', { class: `verdict v-${report.valid}`, id: 'lin-verdict', text: `${report.valid ?? '?'}` }),
      el('span', { text: `${report.model ?? ''} · ${report.consistency ?? ''}` }),
      el('span', { id: 'op-count', 'data-count': payload.history.ops.length, text: `${payload.history.ops.length} operations` }),
      tabs.length > 1 ? el('span', { text: `${tabs.length} keys` }) : null)));
  const tabBar = el('nav', { class: 'tabs', id: 'key-tabs' });
  const body = el('div', { class: 'hist' });
  root.append(tabBar, body);
  tabs.forEach((t, i) => {
    const b = el('button', { class: `tab v-${verdict(t)}`, 'data-key': t.key ?? '', text: `${t.key ?? 'history'} (${verdict(t)})` });
    b.addEventListener('click', () => open(i));
    tabBar.append(b);
  });
  if (tabs.length < 2) tabBar.hidden = true;
  let current = null;
  function open(i) {
    for (const [j, b] of [...tabBar.children].entries()) b.classList.toggle('current', j === i);
    if (current) current.dispose();
    clear(body);
    current = timeline(body, tabs[i]);
  }
  open(0);
}

function timeline(box, tab) {
  const fail = failureOf(tab);
  const ops = tab.ops;
  const procs = [...new Set(ops.map((o) => o.p))].sort((a, b) => a - b);
  const lane = new Map(procs.map((p, i) => [p, i]));
  let minT = Infinity;
  let maxT = -Infinity;
  for (const o of ops) {
    minT = Math.min(minT, o.inv);
    maxT = Math.max(maxT, o.ret ?? o.inv);
  }
  const end = maxT + 1;
  const pathIndex = new Map();
  if (fail) fail.path.forEach((s, i) => { if (s.op) pathIndex.set(s.op, i); });

  const side = el('aside', { class: 'hist-side' });
  if (fail) {
    const f = fail.failing;
    side.append(el('h2', { text: 'Cannot be linearized' }),
      el('p', { class: 'failing', id: 'failing-op', text: f ? describe(f) : '(operation not found in the history)' }),
      el('p', { class: 'reason', text: fail.reason }),
      el('h2', { text: `Longest partial linearization (${fail.length} operations${fail.path.length < fail.length ? `, last ${fail.path.length} shown` : ''})` }));
    const list = el('ol', { class: 'linearization', id: 'linearization', start: fail.length - fail.path.length + 1 });
    for (const s of fail.path) {
      const item = el('li', {}, el('span', { text: s.op ? describe(s.op) : `${s.text.f} ${s.text.value}` }), el('span', { class: 'state', text: ` → ${s.state}` }));
      if (s.op) item.addEventListener('click', () => focusOp(s.op));
      list.append(item);
    }
    side.append(list);
  } else if (tab.result) {
    side.append(el('p', { text: `This ${tab.key === null ? 'history' : 'key'} is ${tab.result.valid}.` }));
    if (tab.result.reason) side.append(el('p', { text: tab.result.reason }));
  }
  const tools = el('div', { class: 'toolbar' },
    el('button', { id: 'zoom-in', title: 'zoom in (+ or wheel)', text: '+', onclick: () => zoom(2, canvas.clientWidth / 2) }),
    el('button', { id: 'zoom-out', title: 'zoom out (-)', text: '−', onclick: () => zoom(0.5, canvas.clientWidth / 2) }),
    el('button', { id: 'fit', title: 'whole history (0)', text: 'fit', onclick: () => { fit(); draw(); } }),
    fail && fail.failing ? el('button', { id: 'to-failure', text: 'failing op', onclick: () => focusOp(fail.failing) }) : null,
    el('span', { class: 'hint', text: 'drag to pan, wheel to zoom; bars: invocation to completion; fading to the right: :info or never completed (may have happened), grey: :fail' }));
  const canvas = el('canvas', { id: 'timeline', 'data-ops': ops.length, 'data-lanes': procs.length });
  const tip = el('div', { class: 'tip', hidden: true });
  const wrap = el('div', { class: 'canvas-wrap' }, canvas, tip);
  box.append(el('div', { class: 'hist-main' }, tools, wrap), side);

  const view = { t0: minT, scale: 1, y0: 0 };
  function fit() {
    const w = Math.max(100, canvas.clientWidth - LEFT - 10);
    view.t0 = minT;
    view.scale = w / Math.max(1, end - minT);
    view.y0 = 0;
  }
  const X = (t) => LEFT + (t - view.t0) * view.scale;
  const Y = (p) => AXIS_H + lane.get(p) * LANE_H - view.y0;

  function draw() {
    const dpr = window.devicePixelRatio || 1;
    const w = canvas.clientWidth;
    const h = Math.min(AXIS_H + procs.length * LANE_H + 8, Math.max(240, window.innerHeight - 160));
    canvas.style.height = `${h}px`;
    canvas.width = Math.round(w * dpr);
    canvas.height = Math.round(h * dpr);
    const g = canvas.getContext('2d');
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.clearRect(0, 0, w, h);
    g.font = '11px system-ui, sans-serif';
    // lanes
    procs.forEach((p) => {
      const y = Y(p);
      if (y + LANE_H < AXIS_H || y > h) return;
      g.fillStyle = lane.get(p) % 2 ? '#f6f7f9' : '#ffffff';
      g.fillRect(0, y, w, LANE_H);
    });
    const pathPts = [];
    for (const o of ops) {
      const x1 = X(o.inv);
      const open = o.ret === null || o.ret === undefined || o.type === 'info';
      const x2 = open ? w : Math.max(x1 + 2, X(o.ret));
      if (x2 < LEFT || x1 > w) continue;
      const y = Y(o.p) + 4;
      if (y + LANE_H < AXIS_H || y > h) continue;
      const bh = LANE_H - 8;
      const failing = fail && o === fail.failing;
      g.globalAlpha = o.type === 'fail' ? 0.3 : 1;
      g.fillStyle = failing ? '#d93025' : color(o.f);
      if (open) {
        const grad = g.createLinearGradient(x1, 0, Math.min(w, x1 + 160), 0);
        grad.addColorStop(0, color(o.f));
        grad.addColorStop(1, 'rgba(255,255,255,0)');
        g.fillStyle = failing ? '#d93025' : grad;
      }
      g.fillRect(Math.max(LEFT, x1), y, x2 - Math.max(LEFT, x1), bh);
      if (failing) {
        g.lineWidth = 3;
        g.strokeStyle = '#7a0000';
        g.strokeRect(x1, y, x2 - x1, bh);
        // named beside the bar, however narrow the bar is
        g.fillStyle = '#a1261c';
        g.fillText(`✗ ${o.f} ${o.result ?? o.value}: cannot be linearized`, Math.min(w - 200, x2 + 6), y + bh - 5);
      }
      const pi = pathIndex.get(o);
      if (pi !== undefined) {
        g.lineWidth = 2;
        g.strokeStyle = '#111';
        g.strokeRect(x1, y, x2 - x1, bh);
        pathPts[pi] = { x: (Math.max(LEFT, x1) + Math.min(w, x2)) / 2, y: y + bh / 2, state: fail.path[pi].state };
      }
      g.globalAlpha = 1;
      if (x2 - x1 > 50) {
        g.fillStyle = failing ? '#fff' : '#102030';
        const text = `${o.f} ${o.value}${o.result !== undefined && o.result !== null && o.result !== o.value ? ' → ' + o.result : ''}`;
        g.save();
        g.beginPath();
        g.rect(Math.max(LEFT, x1), y, x2 - Math.max(LEFT, x1), bh);
        g.clip();
        g.fillText(text, Math.max(LEFT, x1) + 3, y + bh - 5);
        g.restore();
      }
    }
    // the partial linearization: its order as a line through the operations, each numbered and
    // labelled with the model state after it
    const pts = pathPts.filter(Boolean);
    if (pts.length) {
      g.strokeStyle = 'rgba(20,20,20,0.7)';
      g.lineWidth = 1.5;
      g.setLineDash([4, 3]);
      g.beginPath();
      pts.forEach((p, i) => (i ? g.lineTo(p.x, p.y) : g.moveTo(p.x, p.y)));
      g.stroke();
      g.setLineDash([]);
      pathPts.forEach((p, i) => {
        if (!p) return;
        g.fillStyle = '#111';
        g.beginPath();
        g.arc(p.x, p.y, 8, 0, 2 * Math.PI);
        g.fill();
        g.fillStyle = '#fff';
        g.textAlign = 'center';
        g.fillText(String(fail.length - fail.path.length + i + 1), p.x, p.y + 4);
        g.fillStyle = '#111';
        g.fillText(p.state, p.x, p.y - 11);
        g.textAlign = 'start';
      });
    }
    // lane labels and the axis on top
    g.fillStyle = '#fff';
    g.fillRect(0, 0, LEFT, h);
    g.fillRect(0, 0, w, AXIS_H);
    g.fillStyle = '#333';
    procs.forEach((p) => {
      const y = Y(p);
      if (y + LANE_H < AXIS_H || y > h) return;
      g.fillText(`process ${p}`, 4, y + LANE_H / 2 + 4);
    });
    const stepPx = 90;
    const tStep = niceStep(stepPx / view.scale);
    for (let t = Math.ceil(view.t0 / tStep) * tStep; X(t) < w; t += tStep) {
      g.fillRect(X(t), AXIS_H - 5, 1, 5);
      g.fillText(String(t), X(t) + 2, AXIS_H - 8);
    }
    g.fillText('event', 4, AXIS_H - 8);
  }

  function zoom(f, px) {
    const t = view.t0 + (px - LEFT) / view.scale;
    view.scale = Math.min(200, Math.max(1e-6, view.scale * f));
    view.t0 = t - (px - LEFT) / view.scale;
    draw();
  }

  function focusOp(o) {
    const w = canvas.clientWidth - LEFT;
    const a = o.inv;
    const b = o.ret ?? o.inv + 1;
    const span = Math.max(60, (b - a) * 6);
    view.scale = w / span;
    view.t0 = (a + b) / 2 - span / 2;
    const y = lane.get(o.p) * LANE_H;
    const visible = canvas.clientHeight - AXIS_H;
    view.y0 = Math.max(0, y - visible / 2);
    draw();
  }

  function opAt(px, py) {
    for (const o of ops) {
      const y = Y(o.p) + 4;
      if (py < y || py > y + LANE_H - 8) continue;
      const x1 = X(o.inv);
      const x2 = o.ret === null || o.ret === undefined || o.type === 'info' ? canvas.clientWidth : Math.max(x1 + 2, X(o.ret));
      if (px >= x1 && px <= x2) return o;
    }
    return null;
  }

  let drag = null;
  const onDown = (e) => { drag = { x: e.clientX, y: e.clientY, t0: view.t0, y0: view.y0 }; };
  const onMove = (e) => {
    const r = canvas.getBoundingClientRect();
    if (drag) {
      view.t0 = drag.t0 - (e.clientX - drag.x) / view.scale;
      const maxY = Math.max(0, procs.length * LANE_H - (canvas.clientHeight - AXIS_H));
      view.y0 = Math.max(0, Math.min(maxY, drag.y0 - (e.clientY - drag.y)));
      draw();
      return;
    }
    const o = opAt(e.clientX - r.left, e.clientY - r.top);
    tip.hidden = !o;
    if (o) {
      tip.textContent = `${describe(o)}\ninvoked at event ${o.inv} (line ${o.invokeLine})${o.ret !== null && o.ret !== undefined ? `, completed at event ${o.ret} (line ${o.line})` : ', never completed'}`;
      tip.style.left = `${e.clientX - r.left + 12}px`;
      tip.style.top = `${e.clientY - r.top + 12}px`;
    }
  };
  const onUp = () => { drag = null; };
  const onWheel = (e) => {
    e.preventDefault();
    const r = canvas.getBoundingClientRect();
    zoom(e.deltaY < 0 ? 1.25 : 0.8, e.clientX - r.left);
  };
  const onKey = (e) => {
    if (e.target instanceof HTMLInputElement) return;
    const w = canvas.clientWidth;
    const keys = {
      '+': () => zoom(2, w / 2), '=': () => zoom(2, w / 2), '-': () => zoom(0.5, w / 2),
      0: () => { fit(); draw(); },
      ArrowLeft: () => { view.t0 -= (w / 4) / view.scale; draw(); },
      ArrowRight: () => { view.t0 += (w / 4) / view.scale; draw(); },
      f: () => fail && fail.failing && focusOp(fail.failing),
    };
    const k = keys[e.key];
    if (k) { e.preventDefault(); k(); }
  };
  const onResize = () => draw();
  canvas.addEventListener('mousedown', onDown);
  window.addEventListener('mousemove', onMove);
  window.addEventListener('mouseup', onUp);
  canvas.addEventListener('wheel', onWheel, { passive: false });
  document.addEventListener('keydown', onKey);
  window.addEventListener('resize', onResize);
  fit();
  draw();
  return {
    dispose() {
      window.removeEventListener('mousemove', onMove);
      window.removeEventListener('mouseup', onUp);
      document.removeEventListener('keydown', onKey);
      window.removeEventListener('resize', onResize);
    },
  };
}

function describe(o) {
  const shown = o.result !== undefined && o.result !== null ? o.result : o.value;
  return `{:process ${o.p}, :type :${o.type}, :f :${o.f}, :value ${shown}}`;
}

const COLORS = ['#8ab4f8', '#81c995', '#fdd663', '#f6aea9', '#c58af9', '#78d9ec', '#fcad70'];
const fColor = new Map();
function color(f) {
  if (!fColor.has(f)) fColor.set(f, COLORS[fColor.size % COLORS.length]);
  return fColor.get(f);
}

function niceStep(raw) {
  const p = 10 ** Math.floor(Math.log10(Math.max(raw, 1e-9)));
  for (const m of [1, 2, 5, 10]) if (m * p >= raw) return Math.max(1, m * p);
  return Math.max(1, 10 * p);
}
