/** A golden scenario's pinned provisions must name provisions of its law; a misspelt one is a located problem. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/load/problems.js';
import { parseSource } from '../../src/load/source.js';
import { validateScenario } from '../../src/scenarios.js';
import { law, ROOT } from '../helpers.js';

const file = join(ROOT, 'tests/golden/us-ca/edge-236-14-day-of.yaml');
const text = readFileSync(file, 'utf8');
const validate = (t: string) => {
  const parsed = parseSource('scenario.yaml', t);
  if (!parsed.ok) throw new Error(parsed.problems.map(formatProblem).join('\n'));
  return validateScenario(parsed.source, law());
};

describe('pinned provisions in a golden scenario', () => {
  it('are read with their outcome and reason', () => {
    const s = validate(text);
    expect(s.ok && s.value.expect['o1']!.provisions!['ca-pc-236-14-vacatur-2017']!.outcome).toBe('eligible');
  });
  it('naming a provision the law does not have is refused at its line and column', () => {
    const s = validate(text.replace('ca-pc-236-14-vacatur-2017:', 'ca-pc-236-14-vacatur-2016:'));
    expect(s.ok).toBe(false);
    const lines = !s.ok ? s.problems.map(formatProblem) : [];
    expect(lines).toEqual([expect.stringMatching(/^scenario\.yaml:\d+:7 {2}expect\.o1\.provisions\.ca-pc-236-14-vacatur-2016 {2}expectation for provision "ca-pc-236-14-vacatur-2016", which us-ca does not have$/)]);
  });
  it('an outcome outside the vocabulary is refused', () => {
    const s = validate(text.replace('ca-pc-236-14-vacatur: { outcome: not-eligible', 'ca-pc-236-14-vacatur: { outcome: maybe'));
    expect(s.ok).toBe(false);
  });
});
