/** `nonpunishment offences`: the table a lawyer searches for the right code, through the real binary. */
import { describe, expect, it } from 'vitest';
import { cli } from './run-binary.js';

describe('nonpunishment offences', () => {
  it('lists a category of a law, each row with its code, statute, category and penalty', () => {
    const r = cli(['offences', 'gb-nir', '--category', 'drug-possession']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Northern Ireland \(gb-nir\): \d+ of \d+ offences in category drug-possession; \d+ of \d+ verified against the text\./);
    expect(r.stdout).toContain('\nmda-1971-s5-2-class-a\n');
    expect(r.stdout).toMatch(/mda-1971-s5-2-class-a\n.*\n  drug-possession; max \d+ years/);
  });

  it('--format json gives the rows as data with the table size', () => {
    const r = cli(['offences', 'gb-nir', '--category', 'theft', '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { jurisdiction: string; rows: number; verified: number; offences: { code: string; category: string }[] };
    expect(j.jurisdiction).toBe('gb-nir');
    expect(j.rows).toBeGreaterThan(j.offences.length);
    expect(j.offences.length).toBeGreaterThan(0);
    expect(j.offences.every((o) => o.category === 'theft')).toBe(true);
  });

  it('--search finds by code or label, and says so when nothing matches', () => {
    const hit = cli(['offences', 'gb-nir', '--search', 'MDA-1971-S5-2']);
    expect(hit.stdout).toContain('mda-1971-s5-2-class-b');
    const none = cli(['offences', 'gb-nir', '--search', 'no such offence anywhere']);
    expect(none.code).toBe(0);
    expect(none.stdout).toContain('No offence matches.');
  });

  it('an unknown category or jurisdiction is a one-line error with exit 2', () => {
    const cat = cli(['offences', 'gb-nir', '--category', 'theftt']);
    expect(cat.code).toBe(2);
    expect(cat.stderr.trim().split('\n')).toHaveLength(1);
    expect(cat.stderr).toContain('unknown category "theftt"');
    const j = cli(['offences', 'gb-nirr']);
    expect(j.code).toBe(2);
    expect(j.stderr).toMatch(/gb-nirr/);
  });

  it('an instrument without a table says how its offences are matched', () => {
    const r = cli(['offences', 'coe']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/has no offence table/);
  });

  it('jurisdictions show gives the size of the table and how much of it is verified', () => {
    const r = cli(['jurisdictions', 'show', 'gb-nir']);
    expect(r.stdout).toMatch(/Offence table: \d+ offences, \d+ verified against the text, in \d+ categories \(nonpunishment offences gb-nir\)/);
  });
});
