'use strict';
// bench/results.md holds one section per benchmark run kind, between <!-- name:begin --> and
// <!-- name:end -->; a run replaces its own section and leaves the others as they are.
const fs = require('fs');
const path = require('path');

const FILE = path.join(__dirname, 'results.md');
const INTRO = [
  '# node-api-java benchmark results',
  '',
  'Written by `bench/run.sh` (see bench/README.md). Each section is replaced by the next run on ' +
    'the same JDK major version; the Java-hosts-Node section by `bench/host/run.sh`.',
  '',
].join('\n');

// The body of section `name` as results.md holds it now, or null.
function readSection(name) {
  const text = fs.existsSync(FILE) ? fs.readFileSync(FILE, 'utf8') : '';
  const begin = `<!-- ${name}:begin -->`;
  const at = text.indexOf(begin);
  const to = text.indexOf(`<!-- ${name}:end -->`);
  return at >= 0 && to > at ? text.slice(at + begin.length, to).trim() : null;
}

function replaceSection(name, body) {
  const begin = `<!-- ${name}:begin -->`;
  const end = `<!-- ${name}:end -->`;
  const text = fs.existsSync(FILE) ? fs.readFileSync(FILE, 'utf8') : INTRO;
  const block = `${begin}\n${body.trimEnd()}\n${end}`;
  const at = text.indexOf(begin);
  const to = text.indexOf(end);
  const next = at >= 0 && to > at ? text.slice(0, at) + block + text.slice(to + end.length) : `${text.trimEnd()}\n\n${block}\n`;
  fs.writeFileSync(FILE, next);
  return FILE;
}

module.exports = { readSection, replaceSection };
