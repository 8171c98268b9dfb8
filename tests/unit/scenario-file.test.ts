/** Scenario files as input: each kind of bad scenario gives one located problem; changes and neutralising at their edges. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, nearest, type Problem } from '../../src/load/problems.js';
import { loadScenario } from '../../src/load/scenarios.js';
import { parseSource } from '../../src/load/source.js';
import { html, markdown, oneLine, plain } from '../../src/report/neutral.js';
import { applyChange } from '../../src/scenario/change.js';
import { differences } from '../../src/scenario/run.js';
import type { OffenceResult } from '../../src/schema/report.js';
import { isTrainingScenario, NARRATIVE_MAX, validateTrainingScenario } from '../../src/scenario/file.js';
import { law, ROOT } from '../helpers.js';

const BASE = readFileSync(join(ROOT, 'scenarios', 'cannabis-grow-boy-17.yaml'), 'utf8');

function problemsOf(text: string): Problem[] {
  const parsed = parseSource('s.yaml', text);
  if (!parsed.ok) return parsed.problems;
  const r = validateTrainingScenario(parsed.source, law());
  return r.ok ? [] : r.problems;
}
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('a training scenario file', () => {
  it('the shipped one is valid', () => {
    expect(problemsOf(BASE)).toEqual([]);
  });

  it('an expectation for an offence the case does not have', () => {
    const text = BASE.replace('expect:\n  gb-ew:\n    o1:', 'expect:\n  gb-ew:\n    o9:\n      outcome: eligible\n      reason: x\n    o1:');
    const [p, ...rest] = problemsOf(text);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ code: 'ref.unknown-offence', path: 'expect.gb-ew.o9', line: lineOf(text, '    o9:') });
  });

  it('an expectation for a law the scenario is not written for', () => {
    const text = BASE.replace('expect:\n  gb-ew:', 'expect:\n  us-ny:\n    o1: { outcome: eligible, reason: x }\n  gb-ew:');
    expect(problemsOf(text)).toMatchObject([{ code: 'ref.unknown-jurisdiction', path: 'expect.us-ny', line: lineOf(text, '  us-ny:') }]);
  });

  it('a law left without expectations', () => {
    const text = BASE.replace('jurisdictions: [gb-ew, gb-sct, gb-nir, nl]', 'jurisdictions: [gb-ew, gb-sct, gb-nir, nl, eu]');
    const problems = problemsOf(text);
    expect(problems.map((p) => p.code)).toEqual(['scenario.expectation-missing', 'scenario.expectation-missing']);
    expect(problems[0]!.message).toBe('no expectations for jurisdiction "eu"');
  });

  it('a variation that changes a field the case file does not have', () => {
    const text = BASE.replace('path: person.birth_date', 'path: person.age');
    expect(problemsOf(text)).toMatchObject([
      { code: 'scenario.unknown-field', path: 'variations[0].change.path', line: lineOf(text, 'path: person.age'), message: '"person.age" names a field the case file does not have (person.age)' },
    ]);
  });

  it('a variation that changes an offence the case does not have', () => {
    const text = BASE.replace('path: person.birth_date, value: 2006-02-20', 'path: "offences[o7].nexus", value: compelled');
    expect(problemsOf(text)).toMatchObject([{ code: 'scenario.unknown-offence', path: 'variations[0].change.path' }]);
  });

  it('a variation whose new value does not fit the field', () => {
    const text = BASE.replace('path: person.birth_date, value: 2006-02-20', 'path: "offences[o1].nexus", value: forced');
    const [p] = problemsOf(text);
    expect(p).toMatchObject({ path: 'variations[0].change.value', line: lineOf(text, 'value: forced') });
    expect(p!.message).toMatch(/^the changed case is not valid at offences\[0\]\.nexus: unknown value "forced"/);
  });

  it('a scenario without its narrative is read as a scenario, and told what is missing', () => {
    const text = BASE.replace(/narrative: \|\n[\s\S]*?\npoints:/, 'points:');
    expect(isTrainingScenario(parseSource('s.yaml', text).ok && (parseSource('s.yaml', text) as { source: { value: unknown } }).source.value)).toBe(true);
    expect(problemsOf(text)).toMatchObject([{ code: 'schema.required', path: 'narrative', message: 'required field is missing (expected string)' }]);
  });

  it('a variation that changes nothing', () => {
    const text = BASE.replace('value: 2006-02-20', 'value: 2007-02-20');
    expect(problemsOf(text)).toMatchObject([{ code: 'scenario.no-change', path: 'variations[0].change.value' }]);
  });

  it('a narrative over the size limit', () => {
    const long = 'word '.repeat(NARRATIVE_MAX / 4);
    const text = BASE.replace(/narrative: \|\n[\s\S]*?\npoints:/, `narrative: "${long}"\npoints:`);
    expect(problemsOf(text)).toMatchObject([{ path: 'narrative', line: lineOf(text, 'narrative:'), code: 'schema.too-big' }]);
  });

  it('the nearest ids: by containment, by a shared word, by edit distance; none when nothing is near', () => {
    const ids = ['border-courier-family-threats', 'cannabis-grow-boy-17', 'girl-16-soliciting'];
    expect(nearest('drug-courier', ids)).toEqual(['border-courier-family-threats']);
    expect(nearest('cannabis-grow-boy-71', ids)).toEqual(['cannabis-grow-boy-17']);
    expect(nearest('xyz', ids)).toEqual([]);
  });

  it('an unknown scenario id names the nearest ones', () => {
    try {
      loadScenario('cannabis-grow', law());
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).problems[0]!.message).toBe('unknown scenario "cannabis-grow"; nearest: cannabis-grow-boy-17 (see: nonpunishment scenario list)');
    }
  });
});

describe('a change of one fact', () => {
  const c = { id: 'c', person: { birth_date: '2000-01-01' }, offences: [{ id: 'o1', category: 'theft', nexus: 'compelled' }] };

  it('sets a fact, creating its group; null removes it; the input is untouched', () => {
    const a = applyChange(c, 'trafficking.means', ['threat']);
    expect(a).toMatchObject({ ok: true, before: null, value: { trafficking: { means: ['threat'] } } });
    const b = applyChange(c, 'offences[o1].nexus', null);
    expect(b.ok && (b.value.offences as { nexus?: string }[])[0]).toEqual({ id: 'o1', category: 'theft' });
    expect(b.ok && b.before).toBe('compelled');
    expect(c.offences[0]!.nexus).toBe('compelled');
  });

  it('refuses a path that is not a fact', () => {
    for (const p of ['offences[0].nexus', 'offences', 'id', 'person..birth_date', '__proto__.x', 'offences[o1]'])
      expect(applyChange(c, p, 1).ok, p).toBe(false);
  });
});

describe('text from scenario files, neutralised', () => {
  const hostile = 'A\u001b[31mred\u001b[0m <script>x</script> \u202Egnp.exe | *b* [l](http://e.x) # h';

  it('terminal: no escape sequence or bidi override survives', () => {
    // Shown as visible escapes, never acted on: no colour, no bell, no reordering.
    expect(oneLine(hostile)).toBe('A\\x1B[31mred\\x1B[0m <script>x</script> \\u202Egnp.exe | *b* [l](http://e.x) # h');
    expect(plain('a\r\nb\u0007')).toBe('a\nb\\x07');
  });

  it('HTML: markup is text', () => {
    expect(html(hostile)).toBe('A\\x1B[31mred\\x1B[0m &lt;script&gt;x&lt;/script&gt; \\u202Egnp.exe | *b* [l](http://e.x) # h');
    expect(html(`"'&`)).toBe('&quot;&#39;&amp;');
  });

  it('markdown: emphasis, links, tables, HTML and block markers are escaped', () => {
    expect(markdown(hostile)).toBe('A\\\\x1B\\[31mred\\\\x1B\\[0m \\<script\\>x\\</script\\> \\\\u202Egnp.exe \\| \\*b\\* \\[l\\](http\\://e.x) # h');
    expect(markdown('# Title')).toBe('\\# Title');
    expect(markdown('1. first')).toBe('1\\. first');
    expect(markdown('- item')).toBe('\\- item');
  });
});

describe('an expected outcome against a result', () => {
  const got = { offence: 'o1', outcome: 'eligible', byRelief: { defence: 'eligible', 'non-prosecution': 'eligible' }, missing: [{ fact: 'answers.x', question: 'x?' }] } as unknown as OffenceResult;

  it('names each difference: outcome, by relief, missing facts, resolution', () => {
    expect(differences(got, { outcome: 'eligible', reason: 'r' })).toEqual([]);
    expect(differences(got, { outcome: 'eligible', byRelief: { 'non-prosecution': 'eligible', defence: 'eligible' }, missing: ['answers.x'], reason: 'r' })).toEqual([]);
    expect(
      differences(got, { outcome: 'excluded', byRelief: { defence: 'excluded', 'non-prosecution': 'eligible' }, missing: [], resolved: { by: 'code', codes: ['a-1'] }, reason: 'r' }),
    ).toEqual([
      'outcome is eligible, expected excluded',
      'by relief defence: eligible; non-prosecution: eligible, expected defence: excluded; non-prosecution: eligible',
      'resolved not reported, expected code [a-1]',
      'missing [answers.x], expected []',
    ]);
    expect(differences({ ...got, resolved: { by: 'code', codes: ['a-1'] } } as OffenceResult, { outcome: 'eligible', resolved: { by: 'code', codes: ['a-1'] }, reason: 'r' })).toEqual([]);
    expect(differences(got, undefined)).toEqual([]);
  });
});
