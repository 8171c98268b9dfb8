#!/usr/bin/env node
// A seeded, deterministic caseload in the shape of a legal-aid clinic's files, for `batch` and the benchmark:
// people with one to six offences (most with one or two), the kinds of offence trafficked people are made
// to commit, every stage from investigation to an old conviction, dates over twenty years, and what a
// clinic really knows: an exact statute code for some offences, the statute as a court wrote it for
// others, only the kind for the rest, and many facts not yet established.
//
//   node bench/caseload.js --cases 100000 --seed 7 [--format ndjson|csv] [--out FILE]
//
// The same arguments always give the same bytes (a mulberry32 generator, never Math.random).
import { createWriteStream, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []));
const N = Number(args.cases ?? 1000);
const SEED = Number(args.seed ?? 1);
const FORMAT = args.format ?? 'ndjson';
if (!Number.isInteger(N) || N < 1 || !['ndjson', 'csv'].includes(FORMAT)) {
  process.stderr.write('usage: node bench/caseload.js --cases N --seed S [--format ndjson|csv] [--out FILE]\n');
  process.exit(2);
}

function mulberry32(a) {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = mulberry32(SEED);
const weighted = (pairs) => {
  const total = pairs.reduce((s, [, w]) => s + w, 0);
  let x = rnd() * total;
  for (const [v, w] of pairs) if ((x -= w) < 0) return v;
  return pairs[pairs.length - 1][0];
};
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const chance = (p) => rnd() < p;
const day = (from, to) => {
  const a = Date.parse(`${from}T00:00:00Z`) / 864e5;
  const b = Date.parse(`${to}T00:00:00Z`) / 864e5;
  return new Date(Math.floor(a + rnd() * (b - a)) * 864e5).toISOString().slice(0, 10);
};

// The four laws of the benchmark, with their offence tables: codes and statutes are drawn from them.
const LAWS = [
  ['gb-ew', 40],
  ['us-ny', 20],
  ['us-ca', 25],
  ['gb-nir', 15],
];
const tables = Object.fromEntries(LAWS.map(([id]) => [id, parse(readFileSync(join(ROOT, 'jurisdictions', `${id}.yaml`), 'utf8')).offences ?? []]));
const CATEGORIES = [
  ['drug-supply', 18], ['theft', 15], ['prostitution', 10], ['false-documents', 9], ['drug-production', 8], ['unlawful-stay', 5],
  ['illegal-entry', 3], ['illegal-working', 3], ['fraud', 5], ['begging', 3], ['assault', 5], ['criminal-damage', 3],
  ['money-laundering', 3], ['weapons', 3], ['drug-possession', 4], ['human-trafficking', 1], ['robbery', 1], ['other', 3],
];
const STAGES = [['convicted', 40], ['charged', 30], ['arrest-record', 15], ['investigation', 10], ['penalty', 5]];
const NEXUS = [['compelled', 30], ['direct-consequence', 20], ['result-of', 25], ['connected', 15], ['none', 10]];
const MEANS = ['threat', 'force', 'deception', 'debt-bondage', 'abuse-of-vulnerability', 'withholding-documents'];
const CONTROL = ['isolation', 'monitoring', 'threats-to-family', 'economic-control', 'substance-control'];

function offence(j, i, birth) {
  const category = weighted(CATEGORIES);
  const rows = tables[j].filter((r) => r.category === category);
  const o = { id: `o${i + 1}`, category };
  const row = rows.length ? pick(rows) : undefined;
  const how = rnd();
  if (row && how < 0.4) o.code = row.code;
  else if (row && row.statute && how < 0.6) o.statute = row.statute;
  const earliest = birth && birth > '2004-01-01' ? day(birth, '2026-01-01') : '2004-01-01';
  if (chance(0.85)) o.date = day(earliest < '2026-01-01' ? earliest : '2004-01-01', '2026-10-01');
  if (chance(0.9)) o.disposition = weighted(STAGES);
  if (o.disposition === 'convicted' && o.date && chance(0.7)) o.conviction_date = day(o.date, '2026-11-01') > o.date ? day(o.date, '2026-11-01') : o.date;
  if (chance(0.45)) o.nexus = weighted(NEXUS);
  if (chance(0.2)) o.answers = { 'no-realistic-alternative': chance(0.7) };
  return o;
}

function caseOf(k) {
  const j = weighted(LAWS);
  const c = { id: `c${String(k).padStart(7, '0')}`, as_of: '2026-11-28', jurisdiction: j };
  const birth = chance(0.85) ? day('1960-01-01', '2010-01-01') : undefined;
  if (birth) c.person = { birth_date: birth, ...(chance(0.3) ? { prior_record: true } : {}) };
  const t = {};
  if (chance(0.7)) t.victim = true;
  if (chance(0.5)) t.means = MEANS.filter(() => chance(0.3));
  if (chance(0.3)) t.coercive_control = CONTROL.filter(() => chance(0.3));
  if (chance(0.3)) t.identification = pick(['none', 'ngo', 'reasonable-grounds', 'conclusive-grounds', 'official-documentation']);
  if (Object.keys(t).length) c.trafficking = t;
  const n = weighted([[1, 45], [2, 25], [3, 13], [4, 8], [5, 5], [6, 4]]);
  c.offences = Array.from({ length: n }, (_, i) => offence(j, i, birth));
  // A date of evaluation before an offence or a conviction before birth would be refused: keep the file valid.
  for (const o of c.offences) {
    if (o.date && birth && o.date < birth) delete o.date;
    if (o.conviction_date && (!o.date || o.conviction_date < o.date)) delete o.conviction_date;
  }
  return c;
}

const out = args.out ? createWriteStream(args.out) : process.stdout;
const csv = (v) => (v === undefined ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
const COLUMNS = ['case_id', 'offence_id', 'category', 'code', 'statute', 'date', 'disposition', 'conviction_date', 'nexus', 'case_jurisdiction', 'as_of', 'birth_date', 'prior_record', 'victim', 'means', 'coercive_control', 'identification'];
let buf = FORMAT === 'csv' ? COLUMNS.join(',') + '\n' : '';
for (let k = 0; k < N; k++) {
  const c = caseOf(k);
  if (FORMAT === 'ndjson') buf += JSON.stringify(c) + '\n';
  else
    for (const o of c.offences) {
      const row = {
        case_id: c.id, offence_id: o.id, category: o.category, code: o.code, statute: o.statute, date: o.date, disposition: o.disposition,
        conviction_date: o.conviction_date, nexus: o.nexus, case_jurisdiction: c.jurisdiction, as_of: c.as_of, birth_date: c.person?.birth_date,
        prior_record: c.person?.prior_record, victim: c.trafficking?.victim, means: c.trafficking?.means?.join('; '),
        coercive_control: c.trafficking?.coercive_control?.join('; '), identification: c.trafficking?.identification,
      };
      buf += COLUMNS.map((col) => csv(row[col])).join(',') + '\n';
    }
  if (buf.length > 1 << 20) {
    if (!out.write(buf)) await new Promise((r) => out.once('drain', r));
    buf = '';
  }
}
out.write(buf);
if (args.out) out.end();
