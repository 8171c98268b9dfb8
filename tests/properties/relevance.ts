/**
 * Whether a fact named in a provision's `missing` really matters: some answer to it changes the
 * provision's outcome — on its own, or together with answers to the other facts the provision is
 * missing (an age needs both a birth date and an offence date). Answers are real ones a user could give:
 * each value of the vocabulary, and dates on the law's boundaries and around the ages its bands use,
 * kept in a valid order (born before the offence, convicted after it, nothing after the evaluation date).
 */
import type { CaseFile, OffenceFacts } from '../../src/schema/case.js';
import { DISPOSITIONS, FORMS, IDENTIFICATIONS, NEXUS } from '../../src/vocabulary.js';
import { AS_OF, shiftDays, shiftYears, type LawUnderTest } from '../arbitraries/case.js';
import { cat, evaluateUnder, outcomeOf } from './harness.js';

type Answer = (c: CaseFile, o: OffenceFacts) => void;

const AGES = [10, 12, 16, 17, 18, 21, 25, 40];

function answersFor(fact: string, l: LawUnderTest, c: CaseFile, o: OffenceFacts): Answer[] {
  const t = (c: CaseFile) => (c.trafficking ??= {});
  const values = <T>(xs: readonly T[], set: (c: CaseFile, o: OffenceFacts, v: T) => void): Answer[] => xs.map((v) => (c, o) => set(c, o, v));
  const birth = c.person?.birth_date;
  switch (fact) {
    case 'offence.disposition':
      return values(DISPOSITIONS, (_, o, v) => (o.disposition = v));
    case 'offence.nexus':
      return values(NEXUS, (_, o, v) => (o.nexus = v));
    case 'offence.code':
      return values(l.codes, (_, o, v) => (o.code = v));
    case 'offence.date': {
      const relative = birth ? AGES.flatMap((a) => [shiftYears(birth, a), shiftDays(shiftYears(birth, a), -1)]) : [];
      const ds = [...new Set([...l.dates, ...relative, '2003-01-01', AS_OF])].filter((d) => d <= AS_OF && (!birth || d >= birth) && (!o.conviction_date || d <= o.conviction_date));
      return values(ds, (_, o, v) => (o.date = v));
    }
    case 'offence.conviction_date': {
      const from = o.date ?? birth ?? '2003-01-01';
      const ds = [...new Set([...l.dates, from, shiftDays(from, 400), shiftYears(from, 3), shiftYears(from, 8), AS_OF])].filter((d) => d <= AS_OF && d >= from);
      return values(ds, (_, o, v) => (o.conviction_date = v));
    }
    case 'person.birth_date': {
      // Offence date unknown: birth dates that make the person a child or just adult on one of the law's own
      // dates (an age band and a time limit can leave only a few months in which the offence fits).
      const relative = o.date
        ? AGES.flatMap((a) => [shiftYears(o.date!, -a), shiftDays(shiftYears(o.date!, -a), 1)])
        : [...new Set(['1950-01-01', '1995-06-01', '2008-06-01', '2014-01-01', ...l.dates.flatMap((d) => [16, 17, 18].map((a) => shiftYears(d, -a)))])].sort();
      return values(relative.filter((d) => d <= (o.date ?? o.conviction_date ?? AS_OF)), (c, _, v) => (c.person = { ...c.person, birth_date: v }));
    }
    case 'trafficking.victim':
      return values([true, false], (c, _, v) => (t(c).victim = v));
    case 'trafficking.cooperating_with_authorities':
      return values([true, false], (c, _, v) => (t(c).cooperating_with_authorities = v));
    case 'trafficking.forms':
      return values([[], ...FORMS.map((f) => [f])], (c, _, v) => (t(c).forms = v));
    case 'trafficking.means':
      return values([[], ...cat.means.map((m) => [m.id])], (c, _, v) => (t(c).means = v));
    case 'trafficking.coercive_control':
      return values([[], [cat.coerciveControl[0]!.id]], (c, _, v) => (t(c).coercive_control = v));
    case 'trafficking.identification':
      return values(IDENTIFICATIONS, (c, _, v) => (t(c).identification = v));
    case 'trafficking.period.end': {
      const ends = [AS_OF, shiftYears(AS_OF, -1), shiftYears(AS_OF, -3), shiftYears(AS_OF, -8), shiftYears(AS_OF, -20), ...l.dates];
      return [(c) => (t(c).period = {}), ...values(ends, (c, _, v) => (t(c).period = { end: v }))];
    }
    default:
      if (fact.startsWith('answers.')) {
        const q = fact.slice('answers.'.length);
        return values([true, false], (_, o, v) => (o.answers = { ...o.answers, [q]: v }));
      }
      throw new Error(`no answers known for the fact ${fact}`);
  }
}

/** At most n answers, spread over the list (both ends kept). */
function spread<T>(xs: T[], n: number): T[] {
  if (xs.length <= n) return xs;
  return Array.from({ length: n }, (_, i) => xs[Math.round((i * (xs.length - 1)) / (n - 1))]!);
}

type Class = 'eligible' | 'undetermined' | 'negative';
const classOf = (o: string): Class => (o === 'eligible' ? 'eligible' : o === 'undetermined' ? 'undetermined' : 'negative');

/**
 * Depth-first over answers to the other missing facts, one fact per level. At each step, the outcomes for
 * every answer to `fact` are compared: two classes (eligible / undetermined / excluded-or-not-eligible)
 * means the fact matters. When every answer already gives the same definite class, more answers cannot
 * change that (information monotonicity, tested separately), so the branch is cut.
 */
export async function isRelevant(l: LawUnderTest, c: CaseFile, index: number, provision: string, fact: string, alsoMissing: string[]): Promise<boolean> {
  const id = c.offences[index]!.id;
  // The search is small for a correct engine (at most about 400 evaluations in 200 runs); a broken one can make
  // every branch undetermined, so the search stops — and the fact counts as not shown to matter — after this many.
  let budget = 3000;
  const classes = async (base: CaseFile): Promise<Set<Class>> => {
    const seen = new Set<Class>();
    for (const answer of answersFor(fact, l, base, base.offences[index]!)) {
      if (--budget < 0) return seen;
      const variant = structuredClone(base);
      answer(variant, variant.offences[index]!);
      const r = (await evaluateUnder(l, variant)).find((x) => x.offence === id)!;
      seen.add(classOf(outcomeOf(r, provision)));
      if (seen.size > 1) break;
    }
    return seen;
  };
  const others = alsoMissing.filter((f) => f !== fact);
  const search = async (base: CaseFile, depth: number): Promise<boolean> => {
    const seen = await classes(base);
    if (seen.size > 1) return true;
    if (!seen.has('undetermined') || depth === others.length || budget < 0) return false;
    for (const answer of spread(answersFor(others[depth]!, l, base, base.offences[index]!), 8)) {
      const variant = structuredClone(base);
      answer(variant, variant.offences[index]!);
      if (await search(variant, depth + 1)) return true;
    }
    return false;
  };
  return search(c, 0);
}
