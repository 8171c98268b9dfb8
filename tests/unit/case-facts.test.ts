/**
 * The facts an offence presents to the provisions (src/engine/facts.ts), as read from the case file: lists
 * in a fixed order whatever the order the case gives them, what is unknown left unknown, and the bounds of
 * an offence date that is not stated.
 */
import { describe, expect, it } from 'vitest';
import { offenceFacts, offenceWhen } from '../../src/engine/facts.js';
import type { CaseFile } from '../../src/schema/case.js';
import { law } from '../helpers.js';

const cat = law().catalogue;

describe('the facts of one offence', () => {
  it('forms, means and coercive control in one order whatever the case lists first; the trafficking period end, or ongoing', () => {
    const c: CaseFile = {
      id: 'f',
      person: { birth_date: '1990-06-15' },
      trafficking: { victim: true, forms: ['sexual-exploitation', 'forced-labour'], means: ['threats', 'deception', 'force'], coercive_control: ['monitoring', 'isolation'], period: { start: '2015-01-01' } },
      offences: [{ id: 'o1', category: 'theft', date: '2008-06-14', answers: { 'due-diligence': true } }],
    };
    const f = offenceFacts(c, c.offences[0]!, '2026-11-28', cat);
    expect(f.forms).toEqual(['forced-labour', 'sexual-exploitation']);
    expect(f.means).toEqual(['deception', 'force', 'threats']);
    expect(f.coerciveControl).toEqual(['isolation', 'monitoring']);
    expect(f.traffickingEnd).toBe('ongoing');
    expect(f.age).toBe(17); // the day before the 18th birthday
    expect(f.ageSpan).toEqual({ min: 17, max: 17 });
    expect(f.domain).toBe('criminal');
    expect(f.answers).toEqual({ 'due-diligence': true });
    // The case file is not changed by sorting.
    expect(c.trafficking!.forms).toEqual(['sexual-exploitation', 'forced-labour']);
  });

  it('nothing stated: unknown, never false or empty', () => {
    const c: CaseFile = { id: 'f', offences: [{ id: 'o1', category: 'unlawful-stay' }] };
    const f = offenceFacts(c, c.offences[0]!, '2026-11-28', cat);
    expect(f).toMatchObject({ forms: null, means: null, coerciveControl: null, victim: null, nexus: null, identification: null, cooperating: null, traffickingEnd: null, age: null, birthDate: null, disposition: null, code: null, offenceDate: null, answers: {} });
    expect(f.ageSpan).toEqual({ min: null, max: null });
    expect(f.domain).toBe('immigration'); // the category's own domain
    expect(f.offenceWhen).toEqual({ earliest: null, latest: '2026-11-28', latestBy: 'as-of' });
  });

  it('an unknown offence date convicted on the date of evaluation is bounded by that date, named as the date of evaluation', () => {
    expect(offenceWhen(null, '1990-01-01', '2026-11-28', '2026-11-28')).toEqual({ earliest: '1990-01-01', latest: '2026-11-28', latestBy: 'as-of' });
    expect(offenceWhen(null, '1990-01-01', '2026-11-27', '2026-11-28')).toEqual({ earliest: '1990-01-01', latest: '2026-11-27', latestBy: 'conviction' });
  });
});
