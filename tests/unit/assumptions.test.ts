/** Answers the kind of offence gives on its face: which are assumed, and when the case's own answer stands instead. */
import { describe, expect, it } from 'vitest';
import { assumedAnswers } from '../../src/engine/assumptions.js';
import { law } from '../helpers.js';

const cat = law().catalogue;
const RULE = /^rules\/questions\.yaml serious-harm-to-others: .*no violence.* \(theft\)$/;

describe('assumptions from the kind of offence', () => {
  it('a theft, unanswered: assumed to have caused no serious harm, with the rule that says why', () => {
    expect(assumedAnswers('theft', {}, cat)).toEqual([{ question: 'serious-harm-to-others', value: false, rule: expect.stringMatching(RULE) }]);
  });
  it('an answer in the case, either way, replaces the assumption', () => {
    expect(assumedAnswers('theft', { 'serious-harm-to-others': true }, cat)).toEqual([]);
    expect(assumedAnswers('theft', { 'serious-harm-to-others': false }, cat)).toEqual([]);
  });
  it('an answer given as undefined (a library caller\'s empty form field) is no answer: the assumption stands', () => {
    expect(assumedAnswers('theft', { 'serious-harm-to-others': undefined }, cat)).toEqual([{ question: 'serious-harm-to-others', value: false, rule: expect.stringMatching(RULE) }]);
  });
  it('a kind that can involve violence (robbery) answers nothing on its face', () => {
    expect(assumedAnswers('robbery', {}, cat)).toEqual([]);
  });
});
