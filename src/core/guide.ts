// Interview guides (issue 17): open questions about what customers did, for a hypothesis (pm guide
// H3), and a review of questions written by hand (pm guide check): leading, hypothetical, closed,
// compound and pitching questions are the mistakes the discovery literature warns about ("The Mom
// Test": ask about their life and the past, not your idea and the future). Pure.
import type { Config } from './config.js';
import type { Confidence } from './confidence.js';
import { type Bet, betState, type HypothesisKind } from './hypotheses.js';
import { daysBetween } from './dates.js';

// ---------------------------------------------------------------- reviewing questions

export const PROBLEMS = ['leading', 'hypothetical', 'closed', 'compound', 'pitch'] as const;
export type ProblemKind = (typeof PROBLEMS)[number];

export interface Problem {
  kind: ProblemKind;
  reason: string;
}

export interface CheckedQuestion {
  /** the line of the input it is on, from 1 */
  line: number;
  text: string;
  problems: Problem[];
}

interface Rule {
  kind: ProblemKind;
  test: RegExp;
  reason: (m: RegExpExecArray) => string;
}

const quote = (m: RegExpExecArray) => `"${m[0].trim()}"`;

// a polite request that opens a story is not a yes/no question: "Could you walk me through …?"
const REQUEST = /^(can|could|would|will) you (please )?(tell|walk|describe|show|talk|explain|share|take|give)\b/i;

const RULES: Rule[] = [
  {
    kind: 'leading',
    test: new RegExp(
      [
        // a negative question presumes the yes: "Don't you hate …?", "Wouldn't you want …?" (G10)
        String.raw`\b(don'?t you (think|agree|feel|find)|wouldn'?t you (agree|say)|don'?t you|`,
        "doesn'?t (it|that|this)|wouldn'?t you|won'?t you|do you agree|",
        `isn'?t (it|that|this)|aren'?t (they|you)|wouldn'?t (it|that) be|surely|obviously|`,
        String.raw`of course)\b|,\s*(right|correct)\?\s*$`,
      ].join(''),
      'i',
    ),
    reason: (m) => `${quote(m)} suggests the answer you hope for: ask what happened, and let them say`,
  },
  {
    kind: 'leading',
    test: /\bhow (frustrating|annoying|painful|bad|great|useful|helpful|important|much do you (love|hate|like))\b/i,
    reason: (m) => `${quote(m)} assumes how they feel: ask what happened, and listen for it`,
  },
  {
    kind: 'hypothetical',
    test: new RegExp(
      [
        String.raw`\b(would you|will you|would it|would that|are you going to|if (we|you|there|`,
        `it) (built|build|made|make|had|have|offered|offer|added|add|could|were|was|did)|`,
        'could you see yourself|imagine|in the future|how likely|',
        // what a thing not yet there would do: "a tool that would do it", "wouldn't a tool help" (G10)
        String.raw`(that|which) (would|could)|(would|wouldn'?t|could|couldn'?t) (a|an|the|such|this|that) \w+)\b`,
      ].join(''),
      'i',
    ),
    reason: (m) =>
      `${quote(m)} asks about the future, and people are poor at predicting what they would do: ask about the ` +
      `last time it happened`,
  },
  {
    kind: 'pitch',
    test: new RegExp(
      [
        // "our new reconciliation feature": a word or two may name it (fresh-eyes wave 13 H7)
        String.raw`\b((our|my) (new |upcoming |latest )?([a-z-]+ ){0,2}(feature|product|solution|tool|app|platform|`,
        `prototype|idea|service|integration|version)|we('ve| have| are|'re)? (built|building|`,
        `made|making|launched|launching|developed|developing|working on)|we (will|could|`,
        String.raw`plan to|are going to|might) (build|add|launch|offer|make))\b`,
      ].join(''),
      'i',
    ),
    reason: (m) => `${quote(m)} talks about your idea: they will be polite about it; ask about their world instead`,
  },
  {
    // asking their opinion of something is asking them to be polite about it (G10); what they think
    // about when they do their work ("…about when you close the month?") is their world (review R8)
    kind: 'pitch',
    test: new RegExp(
      String.raw`\b(what do you think (about|of)(?! (when|how|what|why|where|who|which|whether|while|during)\b)|` +
        String.raw`how does (that|this|it) sound|how do you feel about (a|an|our|my|this))\b`,
      'i',
    ),
    reason: (m) => `${quote(m)} asks for an opinion, which is polite, not evidence: ask what they did`,
  },
];

const YES_NO = new RegExp(
  [
    `^(do|does|did|is|are|was|were|have|has|had|can|could|would|will|should|shall|may|`,
    `might|must|am|isn'?t|aren'?t|don'?t|doesn'?t|didn'?t|won'?t|wouldn'?t|can'?t|`,
    String.raw`couldn'?t|haven'?t|hasn'?t)\b`,
  ].join(''),
  'i',
);

// a second question joined to the first: "How do you export, and why?"
const JOINED = new RegExp(
  [
    String.raw`\b(and|or)\s+(how|why|what|when|where|who|whom|which|whether|(do|does|did|is|are|was|`,
    String.raw`were|would|will|can|could|should|have|has)(n'?t)?|won'?t)\b`,
  ].join(''),
  'i',
);

/** The problems of one question, each with its reason; none for a good open question. */
export function reviewQuestion(text: string): Problem[] {
  // typographic apostrophes and quotes read as plain ones
  const q = text.trim().replace(/[\u2018\u2019]/g, "'");
  // "Would you tell me about …" asks for a story, not a prediction
  const asked = q.replace(
    /^(can|could|would|will) you (please )?(?=(tell|walk|describe|show|talk|explain|share|take|give)\b)/i,
    '',
  );
  const problems: Problem[] = [];
  const seen = new Set<ProblemKind>();
  for (const rule of RULES) {
    if (seen.has(rule.kind)) continue;
    const m = rule.test.exec(asked);
    if (m) {
      problems.push({ kind: rule.kind, reason: rule.reason(m) });
      seen.add(rule.kind);
    }
  }
  const first = /^\S+/.exec(q)?.[0] ?? '';
  if (YES_NO.test(q) && !REQUEST.test(q))
    problems.push({
      kind: 'closed',
      reason: `starts with "${first}": a yes/no question ends the story; ask how, what or "tell me about"`,
    });
  const marks = (q.match(/\?/g) ?? []).length;
  const joined = JOINED.exec(q);
  // "Tell me how you close the month and what tools you use and who helps.": three asked as one (G10)
  const joins = new RegExp(JOINED.source, 'gi');
  if (marks > 1)
    problems.push({ kind: 'compound', reason: `${marks} questions in one: they will answer one; ask them apart` });
  else if (joined && (/\?\s*$/.test(q) || (q.match(joins) ?? []).length > 1))
    problems.push({
      kind: 'compound',
      reason: `"${joined[0]}" joins a second question to the first: they will answer one; ask them apart`,
    });
  return problems.sort((a, b) => PROBLEMS.indexOf(a.kind) - PROBLEMS.indexOf(b.kind));
}

/**
 * The questions of a text: one a line, or markdown list items (`- `, `* `, `+ `, `1. `, `1) `, a
 * `[ ]` checkbox); blank lines, headings, fenced code, block quotes' markers, HTML comments and
 * table rules are not questions. In a file with a "Questions" heading, only the lines under it are.
 * Each keeps its line number.
 */
export function questionsOf(input: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  let fenced = false;
  let comment = false;
  const lines = input.split(/\r?\n/);
  // a file with a "Questions" heading (what pm guide --format md writes) has its questions under it:
  // the statement, the criteria and who to ask next are not questions (fresh-eyes wave 10 E18)
  const QUESTIONS_HEADING = /^#{1,6}\s+questions\s*#*$/i;
  const sectioned = lines.some((l) => QUESTIONS_HEADING.test(l.trim()));
  let inQuestions = !sectioned;
  lines.forEach((raw, k) => {
    let s = raw.trim();
    if (sectioned && !fenced && /^#{1,6}(\s|$)/.test(s)) {
      inQuestions = QUESTIONS_HEADING.test(s);
      return;
    }
    if (!inQuestions) return;
    if (/^(```|~~~)/.test(s)) {
      fenced = !fenced;
      return;
    }
    if (fenced) return;
    if (comment) {
      if (s.includes('-->')) comment = false;
      return;
    }
    if (s.startsWith('<!--')) {
      if (!s.includes('-->')) comment = true;
      return;
    }
    s = s
      .replace(/^>\s*/, '')
      .replace(/^([-*+]|\d{1,3}[.)])\s+/, '')
      .replace(/^\[[ xX]\]\s+/, '')
      .trim();
    if (s === '' || /^#{1,6}(\s|$)/.test(s) || /^[-*_=|: ]{3,}$/.test(s)) return;
    out.push({ line: k + 1, text: s });
  });
  return out;
}

export function checkQuestions(input: string): CheckedQuestion[] {
  return questionsOf(input).map((q) => ({ ...q, problems: reviewQuestion(q.text) }));
}

// ---------------------------------------------------------------- a guide for a hypothesis

/** Questions about what customers did, by the kind of risk the hypothesis carries. */
const BY_KIND: Record<HypothesisKind, string[]> = {
  value: [
    'Walk me through how you handled it the last time it came up.',
    'What did it cost you the last time it happened?',
    'What have you already tried to fix it?',
    'How do you deal with it today?',
    'Who else was involved the last time it came up?',
  ],
  usability: [
    'Walk me through the last time you set something like this up.',
    'Where did you get stuck the last time you did it?',
    'What did you do when you got stuck?',
    'How long did it take you the last time?',
    'Who helped you, the last time you needed help with it?',
  ],
  feasibility: [
    'Walk me through how your team connected the last tool you added.',
    'What got in the way the last time you set up a new system?',
    'Who had to sign off the last time you added a tool?',
    'What data did you have to move, the last time you switched tools?',
    'How long did the last rollout take from decision to use?',
  ],
  viability: [
    'Tell me about the last time you bought a tool for this.',
    'How did the decision get made the last time you paid for something like this?',
    'What budget did the last purchase like this come from?',
    'What does the way you do it today cost you?',
    'Who signed the last contract for a tool like this?',
  ],
};

const CLOSING = 'What else should I have asked you about this?';

// what a statement says its people want (`Teams want a Slack digest`) or do (`Admins can set up SSO
// without our help`): its subject, then the verb, then the thing or the doing, up to a qualifier
const WANT = new RegExp(
  String.raw`^\S.*?\s(?:(?:would|will|do|does)\s+)?(?:want|wants|need|needs|would like|would love|pay for|pays for|` +
    String.raw`use|uses|ask for|asks for|look for|looks for)\s+(.+)$`,
  'i',
);
const DO = new RegExp(
  String.raw`^\S.*?\s(can(?:not|'t)?|could|will|would|should|must|(?:have|has|try|tries|struggle|struggles)\s+to)` +
    String.raw`\s+(?:not\s+)?(.+)$`,
  'i',
);
/**
 * what they would or will do is the claim itself (a price, a purchase of a thing not built), not a past
 * they can tell of: "Customers would pay 20% more for a Slack bot" (fresh-eyes wave 19 H18)
 */
const PREDICTION = /^(?:will|would)$/i;
const QUALIFIER =
  /\s+(?:without|with our|so that|so they|because|in under|in less than|if|when|instead of|rather than|by)\b.*$/i;
/** when the statement gives nothing to ask about: the problem, whatever it is, in their words */
const OPENER = 'What was the hardest part of your work last week?';

/**
 * The first question for a hypothesis with no opportunity and no tag (fresh-eyes wave 13 H7): worded
 * from its statement, so that the questions after it ("how you handled it") refer to something, and
 * without its claim (the "want", the "will pay": that would be the pitch): `Teams want a Slack digest`
 * asks about the last time they needed something like a Slack digest, `Admins can set up SSO without
 * our help` about the last time they had to set up SSO. A statement of another form, or a question
 * pm guide check would flag, gives a question about their work.
 */
export function openerOf(statement: string): string {
  const s = statement
    .replace(/[“”"\s]+/g, ' ')
    .replace(/[.!?]+\s*$/, '')
    .trim();
  const want = WANT.exec(s);
  const act = want ? null : DO.exec(s);
  if (act && PREDICTION.test(act[1])) return OPENER;
  const what = (want?.[1] ?? act?.[2])?.replace(QUALIFIER, '').trim();
  if (!what || /^(it|this|that|them|these|those)$/i.test(what)) return OPENER;
  const q = !want
    ? `Tell me about the last time you had to ${what}.`
    : /^to\s/i.test(what)
      ? `Tell me about the last time you needed ${what}.`
      : `Tell me about the last time you needed something like ${what}.`;
  return reviewQuestion(q).length === 0 ? q : OPENER;
}

export interface GuideInput {
  id: string;
  statement: string;
  kind: HypothesisKind;
  criteria: string | null;
  decideBy: string;
  /** the day the guide is made: a decide-by before it is past, and the guide says so */
  today?: string;
  /** a conviction bet held on it (pm hyp bet): past its decide-by, it is decided when the bet ends */
  bet?: Bet | null;
  /** the opportunities it addresses (pm hyp … --for), in the customer's words */
  opportunities: string[];
  tags: string[];
  supports: number;
  refutes: number;
  customersSupporting: number;
  customersRefuting: number;
  accountsSupporting: number;
  confidence: Confidence;
  /** segments that have accounts, and the journey's stages */
  segments: string[];
  stages: string[];
  /** whether any customer conversation of the journal has a stage (none: no stage is asked for) */
  stagesLogged: boolean;
  /** the segments and stages of the customer conversations already linked to it */
  heardSegments: string[];
  heardStages: string[];
}

export interface Guide {
  id: string;
  statement: string;
  kind: HypothesisKind;
  questions: string[];
  /** what would prove it, and what would disprove it */
  prove: string;
  disprove: string;
  evidence: {
    supports: number;
    refutes: number;
    customersSupporting: number;
    customersRefuting: number;
    confidence: Confidence;
  };
  /**
   * who to ask next: segments and stages not yet heard for it; `stagesLogged` false when no customer
   * conversation of the journal has a stage (`stages` is then empty: every stage would be listed)
   */
  askNext: { segments: string[]; stages: string[]; stagesLogged: boolean };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * What the guide says of a decide-by that is past: decide now, with commands that run as printed; or,
 * while a bet holds it (as the report keeps it, informational, until --until), when the bet ends
 * (fresh-eyes wave 19 H5: "decide now … pm hyp kill" of the hypothesis the team chose to hold).
 */
function pastDecideBy(g: GuideInput, today: string): string {
  const ago = `, ${plural(daysBetween(g.decideBy, today), 'day')} ago`;
  const bet = betState(g.bet, today);
  if (bet === 'running') return `${ago}; held as a bet until ${g.bet!.until}: decide then (pm hyp show ${g.id})`;
  const decide = `decide now (pm hyp validate ${g.id} --reason "…" or pm hyp kill ${g.id} --reason "…")`;
  return bet === 'due' ? `${ago}; the bet ran until ${g.bet!.until}: ${decide}` : `${ago}: ${decide}`;
}

/**
 * A guide of 5 to 8 open questions about past behaviour: the customer's problems first (the
 * opportunities it addresses, else its tags, else one worded from its statement: openerOf), then the
 * questions for its kind of risk, then one that lets them say what you missed. It never asks the
 * hypothesis's claim itself: that would be a pitch.
 */
export function buildGuide(g: GuideInput, config: Pick<Config, 'evidence.validateAt' | 'evidence.killAt'>): Guide {
  const plain = (t: string) => t.replace(/[“”"\s]+/g, ' ').trim();
  const topics = g.opportunities.length
    ? g.opportunities.slice(0, 3).map((o) => `Tell me about the last time you ran into “${plain(o)}”.`)
    : g.tags.length
      ? g.tags.slice(0, 2).map((t) => `Tell me about the last time you had to deal with ${plain(t)}.`)
      : [openerOf(g.statement)];
  const questions = [...topics, ...BY_KIND[g.kind]].slice(0, 7);
  questions.push(CLOSING);
  const fold = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase()));
  const heardSegments = fold(g.heardSegments);
  const heardStages = fold(g.heardStages);
  const validateAt = config['evidence.validateAt'];
  const killAt = config['evidence.killAt'];
  return {
    id: g.id,
    statement: g.statement,
    kind: g.kind,
    questions,
    prove:
      g.criteria ??
      `${plural(validateAt, 'customer')} from at least two accounts ${validateAt === 1 ? 'supports' : 'support'} it, ` +
        'and none refutes it ' +
        `(ready-to-validate)`,
    disprove:
      `${plural(killAt, 'customer')} ${killAt === 1 ? 'refutes' : 'refute'} it ` +
      `(ready-to-kill)${g.criteria ? ', or the criterion is not met' : ''} by ${g.decideBy}` +
      // past its decide-by, "not met by" a month ago read as a test still to come (fresh-eyes wave 15 H12)
      (g.today !== undefined && g.decideBy < g.today ? pastDecideBy(g, g.today) : ''),
    evidence: {
      supports: g.supports,
      refutes: g.refutes,
      customersSupporting: g.customersSupporting,
      customersRefuting: g.customersRefuting,
      confidence: g.confidence,
    },
    askNext: {
      segments: g.segments.filter((s) => !heardSegments.has(s.toLowerCase())),
      // a journal that never logs stages was told to ask all six (fresh-eyes wave 15 H12): said once instead
      stages: g.stagesLogged ? g.stages.filter((s) => !heardStages.has(s.toLowerCase())) : [],
      stagesLogged: g.stagesLogged,
    },
  };
}
