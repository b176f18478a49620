// A value as an expandable tree whose rows carry the diff against the previous state.
import { entries, format, isComposite, kindName } from './itf.js';
import { SAME, CHANGED, ADDED, REMOVED } from './diff.js';
import { el } from './dom.js';

const INLINE_MAX = 90;

// One line for a collapsed value: its TLA+ text when short, else its kind and size.
export function summary(v) {
  if (!isComposite(v)) return format(v);
  const text = format(v);
  if (text.length <= INLINE_MAX) return text;
  const n = entries(v).length;
  const what = { rec: 'field', map: 'entry', bag: 'element', seq: 'element', set: 'element' }[v.t];
  return `${kindName(v)}, ${n} ${what}${n === 1 ? '' : 's'}`;
}

// Whether a node is open when the user has not said: changed composites open so that the
// change is in sight, and so do small top-level values.
export function openByDefault(value, node, depth) {
  if (!isComposite(value)) return false;
  if (node && node.s === CHANGED && node.kids && node.kids.size > 0) return true;
  return depth === 0 && entries(value).length <= 4 && format(value).length > INLINE_MAX;
}

// The row of one entry (or of a variable, at depth 0) and, when open, its children.
// ctx: {open: Map(path -> boolean), rerender()}.
export function renderNode(label, value, node, path, depth, ctx) {
  const status = node ? node.s : SAME;
  const composite = isComposite(value);
  const explicit = ctx.open.get(path);
  const open = composite && (explicit !== undefined ? explicit : openByDefault(value, node, depth));
  const li = el('li', { class: `node st-${status}`, 'data-path': path, 'data-status': status });
  const row = el('div', { class: 'row' });
  const toggle = el('span', { class: composite ? 'toggle' : 'toggle leaf', text: composite ? (open ? '▾' : '▸') : '' });
  row.append(toggle, el('span', { class: depth === 0 ? 'key var' : 'key', text: label }));
  if (composite) row.append(el('span', { class: 'kind', text: kindName(value) }));
  if (!open) row.append(el('span', { class: 'val', text: summary(value) }));
  if (status === CHANGED && node.old !== undefined) {
    row.append(el('span', { class: 'old', title: 'value in the previous state', text: summary(node.old) }));
  }
  if (status === ADDED) row.append(el('span', { class: 'badge', text: 'added' }));
  if (composite) {
    row.classList.add('clickable');
    row.addEventListener('click', () => {
      ctx.open.set(path, !open);
      ctx.rerender();
    });
  }
  li.append(row);
  if (open) {
    const ul = el('ul', { class: 'tree' });
    const kids = node && node.kids ? node.kids : new Map();
    for (const e of entries(value)) {
      ul.append(renderNode(e.label, e.value, kids.get(e.key), `${path}\u0001${e.key}`, depth + 1, ctx));
    }
    for (const [k, kid] of kids) {
      if (kid.s === REMOVED) {
        const ghost = el('li', { class: 'node st-removed', 'data-path': `${path}\u0001${k}`, 'data-status': REMOVED },
          el('div', { class: 'row' }, el('span', { class: 'toggle leaf' }), el('span', { class: 'key', text: kid.label }),
            el('span', { class: 'val', text: summary(kid.old) }), el('span', { class: 'badge', text: 'removed' })));
        ul.append(ghost);
      }
    }
    li.append(ul);
  }
  return li;
}
