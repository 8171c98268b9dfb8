/** `check --explain OFFENCE`: the whole derivation of one offence under one law, as text. */
import type { OffenceDerivation } from '../engine/derivation.js';
import { plain } from './neutralise.js';
import { wrap } from './text.js';

const TV_WORDS = { T: 'true (met)', F: 'false (not met)', U: 'unknown' } as const;

const shown = (v: unknown): string => (v === null || v === undefined ? 'not stated (unknown)' : Array.isArray(v) ? (v.length ? v.join(', ') : 'none') : v === true ? 'yes' : v === false ? 'no' : String(v));

export function renderDerivation(d: OffenceDerivation, width = 80): string {
  const out: string[] = [];
  const para = (indent: number, text: string) => {
    const lines = wrap(plain(text), width, indent, indent);
    for (const l of lines) out.push(' '.repeat(indent) + l);
  };
  out.push(plain(`Derivation: offence ${d.offence} under ${d.name} (${d.jurisdiction})`));
  para(0, 'Engine: the fast path (the compiled checks combined in TypeScript) gives each check below; json-rules-engine, the reference semantics, runs the same checks twice (unknown read as false, then as true) and must give the same requirement and exception values, shown beside each outcome.');
  para(0, 'Three-valued logic: requirements (R) = AND of the checks (false if any is false, else unknown if any is unknown, else true); exception (E) = OR of the exception entries; outcome = excluded if E is true; not-eligible if R is false; eligible if R is true and E false; otherwise undetermined.');
  for (const p of d.provisions) {
    out.push('');
    out.push(plain(`== ${p.title} [${p.provision}] — ${p.relief}, ${p.discretion}`));
    para(2, `Statute words (paraphrase): ${p.text}`);
    if (p.nexusWords) para(2, `Words of the link required: ${p.nexusWords}`);
    if (p.notAtThisStage) {
      para(2, `Not at this stage: the relief is available only at other stages, so the report leaves it out (${p.checks[0]?.reason ?? ''}).`);
      continue;
    }
    for (const ch of p.checks) {
      para(2, `- ${ch.code} (${ch.cite}) — operator np:${ch.atom}`);
      if (ch.reads.length) para(6, `reads: ${ch.reads.map((r) => `${r.fact} = ${shown(r.value)}`).join('; ')}`);
      para(6, `value: ${TV_WORDS[ch.value]} — ${ch.reason}`);
    }
    const entries = d.entries[p.provision] ?? [];
    if (entries.length) {
      const lists = [...new Set(entries.map((e) => e.list))].join('; ');
      para(2, `Exception entries (${entries.length}, from ${lists}):`);
      for (const e of entries.filter((x) => x.value !== 'F')) para(4, `- ${e.entry} (${e.cite}): ${TV_WORDS[e.value]} — ${e.reason}${e.verified ? '' : ' [entry not verified]'}`);
      const unmatched = entries.filter((x) => x.value === 'F');
      if (unmatched.length) para(4, `- not matched (${unmatched.length}): ${unmatched.map((e) => `${e.label} (${e.cite})`).join('; ')}`);
    } else para(2, 'Exception entries: none (E = false).');
    const ref = p.reference ? `json-rules-engine: R = ${p.reference.R}, E = ${p.reference.E}${p.reference.R === p.requirements && p.reference.E === p.exception ? ' (agrees)' : ' (DISAGREES)'}` : 'json-rules-engine: not run';
    para(2, `Combined: R = ${p.requirements}, E = ${p.exception} → ${p.outcome}. ${ref}.`);
  }
  out.push('');
  return out.join('\n');
}
