/**
 * The fixed vocabulary of DESIGN.md. These words are a public contract: the CLI, the JSON report,
 * the case and jurisdiction files and the tests all use them. Extend, never rename.
 */
export const RELIEFS = [
  'non-prosecution',
  'defence',
  'vacatur',
  'expungement',
  'sealing',
  'appeal',
  'penalty-relief',
  'mitigation',
] as const;
export type Relief = (typeof RELIEFS)[number];

/** Best first: the order used to combine provisions and reliefs. */
export const OUTCOMES = ['eligible', 'undetermined', 'excluded', 'not-eligible'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const DISPOSITIONS = ['investigation', 'charged', 'convicted', 'arrest-record', 'penalty'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

export const DOMAINS = ['criminal', 'immigration', 'administrative', 'civil'] as const;
export type Domain = (typeof DOMAINS)[number];

/** Strongest first; a stronger nexus satisfies any weaker requirement. */
export const NEXUS = ['compelled', 'direct-consequence', 'result-of', 'connected', 'none'] as const;
export type Nexus = (typeof NEXUS)[number];
/** Rank on the ladder: higher is stronger (`none` = 0, `compelled` = 4). */
export function nexusRank(n: Nexus): number {
  return NEXUS.length - 1 - NEXUS.indexOf(n);
}

export const FORMS = [
  'sexual-exploitation',
  'forced-labour',
  'forced-criminality',
  'domestic-servitude',
  'forced-marriage',
  'forced-begging',
  'organ-removal',
  'other',
] as const;
export type Form = (typeof FORMS)[number];

export const RELATIONSHIPS = ['intimate-partner', 'family', 'employer', 'acquaintance', 'stranger'] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

export const IDENTIFICATIONS = [
  'none',
  'self',
  'ngo',
  'reasonable-grounds',
  'conclusive-grounds',
  'official-documentation',
  'court-finding',
] as const;
export type Identification = (typeof IDENTIFICATIONS)[number];

export const DISCRETIONS = ['mandatory', 'presumption', 'discretionary'] as const;
export type Discretion = (typeof DISCRETIONS)[number];

export const BURDENS = ['prosecution', 'defendant-evidential', 'defendant', 'applicant', 'none'] as const;
export const STANDARDS = [
  'beyond-reasonable-doubt',
  'balance-of-probabilities',
  'preponderance',
  'clear-and-convincing',
  'credible-information',
  'none',
] as const;

/** When a provision's dates are checked: the offence date (defences) or the evaluation date (post-conviction relief). */
export const DATE_BASES = ['offence', 'as-of'] as const;
export type DateBasis = (typeof DATE_BASES)[number];

export const TIME_LIMIT_FROM = ['offence', 'conviction', 'trafficking-end', 'in-force'] as const;
export type TimeLimitFrom = (typeof TIME_LIMIT_FROM)[number];

/** The relief a disposition can call for, when a provision does not list its own dispositions. */
export const DEFAULT_DISPOSITIONS: Record<Relief, readonly Disposition[]> = {
  'non-prosecution': ['investigation', 'charged'],
  defence: ['charged'],
  vacatur: ['convicted', 'arrest-record'],
  expungement: ['convicted', 'arrest-record'],
  sealing: ['convicted', 'arrest-record'],
  appeal: ['convicted'],
  'penalty-relief': ['penalty'],
  mitigation: ['convicted'],
};

/** Which date a relief's law is read at, unless a provision says otherwise (DESIGN.md, evaluation semantics). */
export const DEFAULT_DATE_BASIS: Record<Relief, DateBasis> = {
  'non-prosecution': 'offence',
  defence: 'offence',
  vacatur: 'as-of',
  expungement: 'as-of',
  sealing: 'as-of',
  appeal: 'as-of',
  'penalty-relief': 'as-of',
  mitigation: 'as-of',
};

export function outcomeRank(o: Outcome): number {
  return OUTCOMES.length - OUTCOMES.indexOf(o);
}
/** The best of several outcomes (eligible > undetermined > excluded > not-eligible). */
export function bestOutcome(outcomes: Iterable<Outcome>): Outcome | undefined {
  let best: Outcome | undefined;
  for (const o of outcomes) if (best === undefined || outcomeRank(o) > outcomeRank(best)) best = o;
  return best;
}

/**
 * The keys a provision's `limbs` may have, besides the ids of the questions it asks: the code of each check
 * the compiler can make (a limb names the subsection shown with that check's reason), and the aspects of a
 * provision that are not checks but are cited beside it (shown by `jurisdictions show`). Any other key is
 * refused: a misspelt one ("agee", "domains") would otherwise leave the check citing the whole section.
 */
export const LIMB_CHECKS = [
  'disposition',
  'in-force',
  'offence-dates',
  'domain',
  'age',
  'victim',
  'forms',
  'nexus',
  'means',
  'cooperation',
  'identification',
  'time-limit',
  'offence-date-window',
  'offence-covered',
] as const;
export const LIMB_ASPECTS = ['discretion', 'proof', 'relief', 'exceptions', 'scope', 'effect', 'exploitation', 'perfect-victim'] as const;
