// Entry point: reads the report embedded in the page and shows the view for its kind, or a
// readable error (never a blank page) when the report cannot be shown.
import { showCounterexample } from './counterexample.js';
import { showHistory } from './history.js';
import { showTrace } from './trace.js';
import { el, clear } from './dom.js';

const VIEWS = { counterexample: showCounterexample, history: showHistory, trace: showTrace };

function errorPage(root, title, detail) {
  clear(root).append(el('div', { class: 'error', id: 'error' },
    el('h1', { text: title }), el('p', { text: detail }),
    el('p', { class: 'hint', text: 'synod view reads an ITF trace or a --json report of synod check, a --json report of synod lin, or a report of synod trace validate.' })));
  document.body.dataset.state = 'error';
}

function start() {
  const t0 = performance.now();
  const root = document.getElementById('app');
  const data = document.getElementById('synod-data');
  let payload;
  try {
    payload = JSON.parse(data ? data.textContent : '');
  } catch (e) {
    errorPage(root, 'The report in this page is damaged', `Its JSON cannot be read (was the file cut short?): ${e.message}`);
    return;
  }
  const view = payload && VIEWS[payload.kind];
  if (!view) {
    if (payload && payload.kind === 'none') { clear(root); document.body.dataset.state = 'empty'; return; }
    errorPage(root, 'Nothing to show', `This page holds a report of kind "${payload && payload.kind}", which this viewer does not know.`);
    return;
  }
  clear(root);
  try {
    view(root, payload);
  } catch (e) {
    errorPage(root, 'This report cannot be shown', e.message || String(e));
    return;
  }
  document.body.dataset.state = 'ready';
  document.body.dataset.renderMs = (performance.now() - t0).toFixed(1);
}

start();
