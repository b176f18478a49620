// Values of the Informal Trace Format (ITF) as the viewer works with them: a tagged tree whose
// kinds are those a TLA+ user thinks in (record, function, sequence, set, bag), plus the
// TLA+ text of a value as TLC prints it.

export class ItfError extends Error {}

// One JSON value of an ITF document, decoded. `where` names the place for error messages;
// `modelValues` (a Set) holds the names that are model values, not strings (ITF writes both
// as JSON strings; Synod lists the model values in the document's #meta).
export function decode(json, where = '$', modelValues = null) {
  const d = (x, w) => decode(x, w, modelValues);
  if (json === null || json === undefined) {
    throw new ItfError(`${where}: null is no ITF value`);
  }
  if (typeof json === 'boolean') return { t: 'bool', v: json };
  if (typeof json === 'number') {
    if (!Number.isInteger(json)) throw new ItfError(`${where}: ${json} is not an integer`);
    return { t: 'int', v: String(json) };
  }
  if (typeof json === 'string') return { t: modelValues && modelValues.has(json) ? 'mv' : 'str', v: json };
  if (Array.isArray(json)) return { t: 'seq', items: json.map((x, i) => d(x, `${where}[${i}]`)) };
  if (typeof json !== 'object') throw new ItfError(`${where}: unexpected ${typeof json}`);
  if ('#bigint' in json) {
    if (!/^-?\d+$/.test(String(json['#bigint']))) throw new ItfError(`${where}: #bigint "${json['#bigint']}" is not an integer`);
    return { t: 'int', v: String(json['#bigint']) };
  }
  if ('#tup' in json) return { t: 'seq', items: arr(json['#tup'], `${where}.#tup`).map((x, i) => d(x, `${where}.#tup[${i}]`)) };
  if ('#set' in json) return { t: 'set', items: arr(json['#set'], `${where}.#set`).map((x, i) => d(x, `${where}.#set[${i}]`)) };
  if ('#map' in json) {
    const pairs = arr(json['#map'], `${where}.#map`);
    const keys = [];
    const vals = [];
    pairs.forEach((p, i) => {
      if (!Array.isArray(p) || p.length !== 2) throw new ItfError(`${where}.#map[${i}]: expected a [key, value] pair`);
      keys.push(d(p[0], `${where}.#map[${i}][0]`));
      vals.push(d(p[1], `${where}.#map[${i}][1]`));
    });
    // A bag (Bags module) is a function from elements to positive counts. Only functions whose
    // domain holds records are taken for bags: a function of numbers into numbers (nextIndex,
    // currentTerm) has the same shape and is no bag.
    const bag = keys.length > 0 && keys.every((k) => k.t === 'rec')
      && vals.every((v) => v.t === 'int' && Number(v.v) >= 1);
    return { t: bag ? 'bag' : 'map', keys, vals };
  }
  if ('#unserializable' in json) return { t: 'unser', v: String(json['#unserializable']) };
  const keys = Object.keys(json).filter((k) => k !== '#meta');
  for (const k of keys) {
    if (k.startsWith('#')) throw new ItfError(`${where}: unknown ITF form ${k}`);
  }
  return { t: 'rec', keys, vals: keys.map((k) => d(json[k], `${where}.${k}`)) };
}

function arr(x, where) {
  if (!Array.isArray(x)) throw new ItfError(`${where}: expected an array`);
  return x;
}

// The TLA+ text of a value, as TLC prints it (model values bare, strings quoted).
export function format(v) {
  switch (v.t) {
    case 'bool': return v.v ? 'TRUE' : 'FALSE';
    case 'int': return v.v;
    case 'str': return JSON.stringify(v.v);
    case 'unser': case 'mv': return v.v;
    case 'seq': return `<<${v.items.map(format).join(', ')}>>`;
    case 'set': return `{${v.items.map(format).join(', ')}}`;
    case 'rec': return `[${v.keys.map((k, i) => `${k} |-> ${format(v.vals[i])}`).join(', ')}]`;
    case 'map':
    case 'bag':
      return `(${v.keys.map((k, i) => `${format(k)} :> ${format(v.vals[i])}`).join(' @@ ')})`;
    default: return '?';
  }
}

const canonCache = new WeakMap();

// A text equal for equal values and different for different ones, whatever order a producer
// listed set elements, record fields or function pairs in. Cached: the viewer compares the same
// values again and again while stepping.
export function canon(v) {
  let c = canonCache.get(v);
  if (c !== undefined) return c;
  switch (v.t) {
    case 'bool': case 'int': case 'unser': case 'mv': c = v.t + ':' + v.v; break;
    case 'str': c = JSON.stringify(v.v); break;
    case 'seq': c = `<<${v.items.map(canon).join(',')}>>`; break;
    case 'set': c = `{${v.items.map(canon).sort().join(',')}}`; break;
    case 'rec': c = `[${v.keys.map((k, i) => `${JSON.stringify(k)}:${canon(v.vals[i])}`).sort().join(',')}]`; break;
    default: c = `(${v.keys.map((k, i) => `${canon(k)}:>${canon(v.vals[i])}`).sort().join(',')})`;
  }
  // the empty function and the empty sequence are one value in TLA+
  if (c === '()' || c === '[]') c = '<<>>';
  canonCache.set(v, c);
  return c;
}

// Whether two values are equal, without building their canonical texts: producers list set
// elements and function pairs in one order, so comparing entry by entry decides almost always,
// and only values listed in different orders fall back to canon().
export function equal(a, b) {
  if (a === b) return true;
  if (a.t !== b.t) return isEmpty(a) && isEmpty(b);
  switch (a.t) {
    case 'bool': case 'int': case 'str': case 'unser': case 'mv': return a.v === b.v;
    case 'seq': return a.items.length === b.items.length && a.items.every((x, i) => equal(x, b.items[i]));
    case 'set':
      if (a.items.length !== b.items.length) return false;
      return a.items.every((x, i) => equal(x, b.items[i])) || canon(a) === canon(b);
    default:
      if (a.keys.length !== b.keys.length) return false;
      if (a.t === 'rec') {
        if (a.keys.every((k, i) => k === b.keys[i])) return a.vals.every((x, i) => equal(x, b.vals[i]));
      } else if (a.keys.every((k, i) => equal(k, b.keys[i]))) {
        return a.vals.every((x, i) => equal(x, b.vals[i]));
      }
      return canon(a) === canon(b);
  }
}

function isEmpty(v) {
  return (v.t === 'seq' && v.items.length === 0) || ((v.t === 'map' || v.t === 'rec') && v.keys.length === 0);
}

const KIND_NAMES = { rec: 'record', map: 'function', seq: 'sequence', set: 'set', bag: 'bag' };

export function kindName(v) {
  return KIND_NAMES[v.t] || null;
}

export function isComposite(v) {
  return v.t === 'rec' || v.t === 'map' || v.t === 'seq' || v.t === 'set' || v.t === 'bag';
}

// The entries of a composite value: [{key, label, value}], key unique within the value.
export function entries(v) {
  switch (v.t) {
    case 'seq': return v.items.map((x, i) => ({ key: String(i + 1), label: String(i + 1), value: x }));
    case 'set': return v.items.map((x) => ({ key: canon(x), label: '∈', value: x }));
    case 'rec': return v.keys.map((k, i) => ({ key: k, label: k, value: v.vals[i] }));
    case 'map': case 'bag': return v.keys.map((k, i) => ({ key: canon(k), label: format(k), value: v.vals[i] }));
    default: return [];
  }
}

// An ITF document (or a `synod check --json` report, which carries the same trace) as the
// counterexample view needs it.
export function readTrace(doc) {
  if (doc === null || typeof doc !== 'object') throw new ItfError('the report is not a JSON object');
  if (doc.tool === 'synod check' && !Array.isArray(doc.states)) return readCheckReport(doc);
  if (!Array.isArray(doc.vars)) throw new ItfError('$.vars: expected the array of variable names of an ITF trace');
  if (!Array.isArray(doc.states)) throw new ItfError('$.states: expected the array of states of an ITF trace');
  const meta = doc['#meta'] || {};
  const mvs = new Set(Array.isArray(meta['model-values']) ? meta['model-values'] : []);
  const states = doc.states.map((s, i) => {
    if (s === null || typeof s !== 'object') throw new ItfError(`$.states[${i}]: expected an object`);
    const m = s['#meta'] || {};
    const values = {};
    for (const name of doc.vars) {
      if (!(name in s)) throw new ItfError(`$.states[${i}]: variable ${name} is missing`);
      values[name] = decode(s[name], `$.states[${i}].${name}`, mvs);
    }
    return { action: m.action ?? null, location: m.location ?? null, values };
  });
  const loop = doc.loop === undefined || doc.loop === null ? null : Number(doc.loop);
  if (loop !== null && !(Number.isInteger(loop) && loop >= 0 && loop < states.length)) {
    throw new ItfError(`$.loop: ${doc.loop} is no state index (there are ${states.length} states)`);
  }
  return {
    vars: doc.vars.slice(),
    states,
    loop,
    description: meta.description ?? null,
    violated: meta.violated ?? null,
    verdict: meta.verdict ?? null,
    message: meta.message ?? null,
  };
}

function readCheckReport(r) {
  if (!Array.isArray(r.trace)) {
    throw new ItfError(`this report of synod check has no trace: its verdict is ${r.verdict}`);
  }
  const vars = r.trace.length ? Object.keys(r.trace[0].values || {}) : [];
  const mvs = new Set(Array.isArray(r.modelValues) ? r.modelValues : []);
  const states = r.trace.map((s, i) => {
    const values = {};
    for (const name of vars) values[name] = decode((s.values || {})[name], `$.trace[${i}].values.${name}`, mvs);
    return { action: s.action ?? null, location: s.location ?? null, values };
  });
  const loop = r.loop ? (r.loop.stuttering ? states.length - 1 : r.loop.backTo) : null;
  return {
    vars, states, loop,
    description: `${r.spec}${r.config ? ' with ' + r.config : ''}`,
    violated: r.violated ?? null, verdict: r.verdict ?? null, message: r.message ?? null,
  };
}
