/** Human wording for the stable codes of a report. Renderers use these; the engine never does. */
import type { Outcome, Relief } from '../vocabulary.js';

export const OUTCOME_WORDS: Record<Outcome, string> = {
  eligible: 'eligible',
  undetermined: 'undetermined — facts still to establish',
  excluded: 'excluded by a statutory exception',
  'not-eligible': 'not eligible',
};

export const RELIEF_WORDS: Record<Relief, string> = {
  'non-prosecution': 'non-prosecution',
  defence: 'defence at trial',
  vacatur: 'vacatur (conviction or arrest set aside)',
  expungement: 'expungement (record destroyed)',
  sealing: 'sealing (record hidden)',
  appeal: 'appeal out of time / abuse of process',
  'penalty-relief': 'no administrative, civil or immigration penalty',
  mitigation: 'mitigation of sentence only',
};

export const STATUS_MARK: Record<'met' | 'not-met' | 'unknown', string> = { met: '✓', 'not-met': '✗', unknown: '?' };

export const BURDEN_WORDS: Record<string, string> = {
  prosecution: 'on the prosecution',
  'defendant-evidential': 'evidential burden on the defendant; the prosecution must then disprove',
  defendant: 'on the defendant',
  applicant: 'on the applicant',
  none: 'no burden set',
};
export const STANDARD_WORDS: Record<string, string> = {
  'beyond-reasonable-doubt': 'beyond reasonable doubt',
  'balance-of-probabilities': 'on the balance of probabilities',
  preponderance: 'by a preponderance of the evidence',
  'clear-and-convincing': 'by clear and convincing evidence',
  'credible-information': 'credible and reliable information',
  none: 'no set standard',
};
