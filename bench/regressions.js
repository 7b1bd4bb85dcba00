'use strict';
// `run.sh --quick` against the last full run recorded in results.md for the same JDK: a row whose
// node-api-java / limit ratio grew by more than THRESHOLD is flagged. Ratios, not times: the
// machine's load slows both columns alike, the limit included, so the ratio is what a change moves.

const THRESHOLD = 0.15;
const RATIO_COLUMN = 'node-api-java / limit';

// A markdown table's rows (cells trimmed), header first; [] when there is none.
function tableRows(text) {
  return text.split('\n').filter((l) => l.startsWith('|') && !/^\|\s*---/.test(l))
    .map((l) => l.slice(1, l.lastIndexOf('|')).split('|').map((c) => c.trim()));
}

// '1.26×', '1,234×' -> number; anything else (—, failed) -> undefined
function ratioValue(cell) {
  const m = /^([\d,]+(?:\.\d+)?)×$/.exec(cell || '');
  return m ? Number(m[1].replace(/,/g, '')) : undefined;
}

// A row's label without what differs between a quick and a full run (the cold rows' run counts).
function rowKey(label) {
  return label.replace(/median of \d+/, 'median of N');
}

// row key -> ratio for the rows of a table with RATIO_COLUMN
function ratios(rows) {
  const [header, ...body] = rows;
  const col = header ? header.indexOf(RATIO_COLUMN) : -1;
  const out = new Map();
  if (col < 0) return out;
  for (const r of body) {
    const v = ratioValue(r[col]);
    if (v !== undefined) out.set(rowKey(r[0]), v);
  }
  return out;
}

// Compares this run's table (header + rows, as arrays) with the recorded section's; returns the
// report's lines. Rows missing on either side are listed as not compared.
function compare(recordedSection, header, rows) {
  if (!recordedSection) return ['[bench] no recorded run for this JDK in results.md: nothing to compare with'];
  const when = (/^\d{4}-\d\d-\d\d \d\d:\d\d UTC/m.exec(recordedSection) || ['an undated run'])[0];
  const before = ratios(tableRows(recordedSection));
  const now = ratios([header, ...rows]);
  const lines = [`[bench] ${RATIO_COLUMN} against the run recorded in results.md (${when}); flagged: > ${THRESHOLD * 100} % higher`];
  const skipped = [];
  let flagged = 0;
  for (const [label, r1] of now) {
    const r0 = before.get(label);
    if (r0 === undefined) {
      skipped.push(label);
      continue;
    }
    const change = r1 / r0 - 1;
    const bad = change > THRESHOLD;
    if (bad) flagged++;
    lines.push(`${bad ? 'SLOWER ' : '       '} ${r0.toFixed(2)}× -> ${r1.toFixed(2)}× (${change >= 0 ? '+' : ''}${(change * 100).toFixed(0)} %)  ${label}`);
  }
  if (skipped.length) lines.push(`        not in the recorded run: ${skipped.join('; ')}`);
  lines.push(flagged ? `[bench] ${flagged} row(s) more than ${THRESHOLD * 100} % slower relative to the limit (a quick run is noisy: confirm with a full run)`
    : '[bench] no row more than 15 % slower relative to the limit');
  return lines;
}

module.exports = { compare, ratioValue, tableRows, THRESHOLD };
