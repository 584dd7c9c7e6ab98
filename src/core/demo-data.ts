// The sample journal `pm demo` shows: a small B2B team's last few weeks, dated relative to the
// sample's day (demoDay: today, or on a Monday or Tuesday the Sunday before, so that the week has
// run long enough to fall behind three conversations a week) so that every section of the weekly
// report has something in it and every actionable flag is raised once. It is a `pm-journal` version-2
// document (contract: "pm export · pm import"), written by the importer like any teammate's export.
import { addDays, isoWeekday } from './dates.js';
import type {
  AccountDoc,
  ContactDoc,
  EvidenceDoc,
  HypothesisDoc,
  InterviewDoc,
  JournalDoc,
  OutcomeDoc,
} from './import-validate.js';

/** The sample's product manager: every conversation is theirs, and so is the journal (its user.name). */
export const DEMO_PM = 'Dana Lee';

type Person = 'jane' | 'raj' | 'lena' | 'omar' | 'kim' | 'ana' | 'tom' | 'sam';

/**
 * The day the sample is made as of: today from Wednesday on; on a Monday or a Tuesday, the Sunday
 * before, since a week of three conversations asks for none before Wednesday (floor(3 × 2 ÷ 7) = 0)
 * and the sample shows behind-target at work.
 */
export function demoDay(today: string): string {
  const weekday = isoWeekday(today);
  return weekday <= 2 ? addDays(today, -weekday) : today;
}

export function demoJournal(today: string, exportedAt = `${today}T09:00:00Z`): JournalDoc {
  let serial = 0;
  // the random end (what a short reference `I-7f3a9c` shows) differs from its first digit on, as a real
  // UUIDv7's does: each serial times an odd constant, mod 2^48 (distinct, and the same every run)
  const uuid = () => `01900000-0000-7000-8000-${((++serial * 0x5deece66d) % 2 ** 48).toString(16).padStart(12, '0')}`;
  const day = (offset: number) => addDays(today, offset);

  const account = (
    name: string,
    segment: string | null,
    cadenceDays: AccountDoc['cadenceDays'] = null,
  ): AccountDoc => ({ uuid: uuid(), name, segment, cadenceDays });
  const acme = account('Acme', 'mid-market');
  const foxworks = account('Foxworks', 'smb');
  const quillco = account('Quillco', 'enterprise');
  // going cold: 44 days, default cadence 30; the only account of its segment, which is silent too
  const northwind = account('Northwind', 'public sector');
  const bluebird = account('Bluebird', 'enterprise', 14); // going cold on its own, shorter cadence
  const lost = account('Lostway', 'smb', 'off'); // a lost prospect: never "going cold"
  const us = account('Our team', null);
  const accounts = [acme, foxworks, quillco, northwind, bluebird, lost, us];

  const contact = (
    name: string,
    email: string | null,
    a: AccountDoc,
    role: ContactDoc['role'],
    persona: string | null = null,
  ): ContactDoc => ({ uuid: uuid(), name, email, accountUuid: a.uuid, role, segment: null, persona });
  const people: Record<Person, ContactDoc> = {
    jane: contact('Jane Roe', 'jane@acme.test', acme, 'customer', 'finance lead'),
    raj: contact('Raj Patel', 'raj@acme.test', acme, 'customer', 'ops lead'),
    lena: contact('Lena Fox', 'lena@foxworks.test', foxworks, 'customer', 'founder'),
    omar: contact('Omar Ruiz', 'omar@quillco.test', quillco, 'prospect', 'finance lead'),
    kim: contact('Kim Lee', null, northwind, 'customer', 'it admin'),
    ana: contact('Ana Ortiz', 'ana@bluebird.test', bluebird, 'customer', 'admin'),
    tom: contact('Tom Berg', null, lost, 'prospect'),
    sam: contact('Sam Hale', 'sam@ourteam.test', us, 'stakeholder', 'head of sales'),
  };

  const interviews: InterviewDoc[] = [];
  const talk = (
    offset: number,
    a: AccountDoc | null,
    who: Person[],
    summary: string,
    more: Partial<
      Pick<
        InterviewDoc,
        'channel' | 'minutes' | 'notes' | 'pains' | 'quotes' | 'tags' | 'followUp' | 'followUpDone' | 'source' | 'stage'
      >
    > = {},
  ): InterviewDoc => {
    const i: InterviewDoc = {
      uuid: uuid(),
      id: null,
      date: day(offset),
      channel: more.channel ?? 'call',
      contactUuids: who.map((p) => people[p].uuid),
      accountUuid: a?.uuid ?? null,
      source: more.source ?? null,
      by: DEMO_PM,
      minutes: more.minutes ?? (who.length ? 30 : null),
      summary,
      notes: more.notes ?? null,
      pains: more.pains ?? [],
      quotes: more.quotes ?? [],
      tags: more.tags ?? [],
      followUp: more.followUp ?? null,
      followUpDone: more.followUpDone ?? false,
      stage: more.stage ?? null,
    };
    interviews.push(i);
    return i;
  };

  // customer conversations, two or three a week for six weeks (the target is three), the last one
  // eight days ago: overdue, and behind this week's pace
  const kimCall = talk(-44, northwind, ['kim'], 'SSO is the blocker for their rollout', {
    pains: [{ text: 'SSO setup needs IT', severity: 'blocker' }],
    tags: ['sso'],
    quotes: ['Our IT will not approve another password.'],
    stage: 'onboard',
  });
  const lostCall = talk(-41, lost, ['tom'], 'Chose a competitor for the price', { stage: 'evaluate' });
  const omarEarly = talk(-38, quillco, ['omar'], 'Security review asks for SSO first', {
    tags: ['sso'],
    stage: 'evaluate',
  });
  const anaCall = talk(-36, bluebird, ['ana'], 'Set up the workspace alone in 40 minutes', {
    pains: [{ text: 'too many setup steps', severity: 'low' }],
    tags: ['onboarding'],
    followUp: day(-30),
    followUpDone: true,
    stage: 'onboard',
  });
  const janeVisit = talk(-33, acme, ['jane'], 'Walked through month-end close on site', {
    channel: 'visit',
    minutes: 90,
    pains: [{ text: 'manual invoice matching', severity: 'high' }],
    tags: ['billing'],
    notes: 'Close takes three days.\nTwo people match invoices to payments by hand in spreadsheets.',
    followUp: day(-26), // answered by the call with Jane on day -24: never due
    stage: 'adopt',
  });
  const lenaExport = talk(-31, foxworks, ['lena'], 'Wants exports on a schedule, asks nobody else did', {
    tags: ['export'],
    stage: 'adopt',
  });
  talk(-29, quillco, ['omar'], 'Walked the finance team through the invoice view', {
    tags: ['billing'],
    stage: 'evaluate',
  });
  talk(-26, foxworks, ['lena'], 'Wants to invite her accountant', { tags: ['onboarding'], stage: 'adopt' });
  talk(-24, acme, ['jane'], 'Close is faster with saved filters', { tags: ['billing'], stage: 'adopt' });
  talk(-22, quillco, ['omar'], 'Procurement asks for SOC 2 before a pilot', { tags: ['security'], stage: 'evaluate' });
  // an email that closes a deal: what a customer paid for is the strongest evidence there is
  const anaSigned = talk(-17, bluebird, ['ana'], 'Signed the annual plan once SSO was confirmed', {
    channel: 'email',
    stage: 'expand',
  });
  const rajCall = talk(-15, acme, ['raj'], 'Would not read another digest email', {
    tags: ['notifications'],
    followUp: day(-3),
    stage: 'adopt',
  });
  const lenaCall = talk(-12, foxworks, ['lena'], 'Matching payments is her Friday afternoon', {
    pains: [{ text: 'Manual invoice matching', severity: 'blocker' }],
    tags: ['billing'],
    quotes: ['I would pay tomorrow for this.'],
    stage: 'adopt',
  });
  // the same pain in other words: merged into "manual invoice matching" (opportunities, below)
  const omarCall = talk(-10, quillco, ['omar'], 'Finance team reconciles 400 invoices a month', {
    channel: 'video',
    pains: [{ text: 'invoices matched by hand', severity: 'high' }],
    tags: ['billing'],
    stage: 'evaluate',
  });
  // after SSO was validated (day -11): a customer says the opposite
  const omarSso = talk(-9, quillco, ['omar'], 'Signed the pilot without SSO after all', {
    tags: ['sso'],
    stage: 'evaluate',
  });
  const janeCall = talk(-8, acme, ['jane'], 'Tried the matching prototype: "this saves me a day"', {
    pains: [{ text: 'manual invoice matching', severity: 'high' }],
    tags: ['billing'],
    stage: 'adopt',
  });

  // this week (the sample's day is a Wednesday or later): second-hand signals, from accounts and from
  // sources that are no account (a review site, a survey), and an internal meeting; none of them
  // is customer contact
  const ticket = talk(0, foxworks, [], 'Support ticket: CSV export timed out again', {
    channel: 'support',
    pains: [{ text: 'exports time out', severity: 'high' }],
    tags: ['export', 'billing'],
  });
  talk(0, null, [], 'Capterra review: "love it, but invoices are confusing"', {
    channel: 'review',
    source: 'Capterra',
    tags: ['billing'],
  });
  talk(-1, null, [], 'NPS comment: "we need SSO before we roll out"', {
    channel: 'survey',
    source: 'NPS survey',
    tags: ['sso'],
  });
  talk(-1, acme, [], 'Ticket: invoice PDF misses the VAT number', {
    channel: 'support',
    source: 'Zendesk',
    tags: ['billing'],
  });
  talk(-2, quillco, [], 'Sales note: wants invoices in their ERP format', { channel: 'sales', tags: ['billing'] });
  talk(-2, northwind, [], 'Lost deal note from sales: no SSO', {
    channel: 'sales',
    pains: [{ text: 'SSO setup needs IT', severity: 'medium' }],
    tags: ['sso'],
  });
  const samMeeting = talk(0, us, ['sam'], 'Sales wants a discount tier for annual plans', { tags: ['pricing'] });

  const hypotheses: HypothesisDoc[] = [];
  const belief = (
    statement: string,
    kind: HypothesisDoc['kind'],
    createdOffset: number,
    decideOffset: number,
    criteria: string | null,
    tags: string[] = [],
  ): HypothesisDoc => {
    const h: HypothesisDoc = {
      uuid: uuid(),
      id: null,
      statement,
      kind,
      criteria,
      createdOn: day(createdOffset),
      decideBy: day(decideOffset),
      tags,
      revisions: [],
      bet: null,
      opportunityUuids: [],
    };
    hypotheses.push(h);
    return h;
  };
  // an opportunity worth solving (three customers of three accounts, one a blocker), named, with a
  // pain written another way merged into it; the SSO pain stays one account's custom request
  const invoiceMatching = {
    uuid: uuid(),
    name: 'manual invoice matching',
    aliases: ['invoices matched by hand'],
  };
  const matching = belief(
    'Finance teams will pay for automatic invoice matching',
    'value',
    -30,
    10,
    '3 finance leads from 2+ accounts say they would pay',
    ['billing'],
  );
  matching.opportunityUuids = [invoiceMatching.uuid];
  const selfServe = belief(
    'New admins can set up a workspace without a call',
    'usability',
    -40,
    -5,
    '4 of 5 admins finish alone',
  );
  const digest = belief('Ops leads want a weekly digest email', 'value', -25, 3, null, ['notifications']);
  const scheduler = belief('Teams want a scheduled CSV export', 'value', -60, -14, null, ['export']);
  const sso = belief(
    'SSO is a must-have for enterprise deals',
    'viability',
    -50,
    -10,
    '3 enterprise prospects require it',
    ['sso'],
  );
  const mobile = belief('A mobile app would increase weekly use', 'value', -35, -7, null);
  belief('Customers want a Slack integration', 'value', -2, 26, null);
  // held on purpose against early evidence: only sales says so yet, and it is past its decide-by
  const discount = belief('Annual plans need a discount tier to close', 'viability', -20, -2, null, ['pricing']);
  discount.bet = {
    until: day(14),
    reason: 'Sales hears it at every renewal; we hold it until the January renewals',
    since: day(-5),
  };

  const evidence: EvidenceDoc[] = [];
  const link = (
    h: HypothesisDoc,
    i: InterviewDoc,
    direction: EvidenceDoc['direction'],
    strength: EvidenceDoc['strength'] = 'medium',
    basis: EvidenceDoc['basis'] = 'said',
  ) => evidence.push({ interviewUuid: i.uuid, hypothesisUuid: h.uuid, direction, strength, basis });
  // every confidence level: matching customers (three customers, three accounts, all said so),
  // selfServe anecdotal, the discount bet opinion (a stakeholder), the Slack idea none; the killed
  // scheduler reached behaviour (she exports by hand every week), SSO commitment (Bluebird paid)
  link(matching, janeCall, 'supports', 'strong');
  link(matching, omarCall, 'supports');
  link(matching, lenaCall, 'supports', 'strong');
  link(matching, janeVisit, 'supports', 'weak');
  link(selfServe, anaCall, 'supports');
  link(digest, rajCall, 'refutes');
  link(digest, lenaCall, 'refutes', 'weak');
  link(scheduler, lenaExport, 'supports', 'medium', 'did');
  link(scheduler, ticket, 'supports'); // after it was killed: the report asks whether to reopen it
  link(sso, kimCall, 'supports', 'strong');
  link(sso, omarEarly, 'supports', 'strong');
  link(sso, anaSigned, 'supports', 'strong', 'paid');
  link(discount, samMeeting, 'supports');
  link(sso, omarSso, 'refutes', 'strong'); // after it was validated: evidence-after-validate
  link(mobile, lostCall, 'refutes', 'weak');

  const outcomes: OutcomeDoc[] = [
    {
      uuid: uuid(),
      hypothesisUuid: scheduler.uuid,
      outcome: 'killed',
      date: day(-14),
      reason: 'Only Foxworks asked; a saved export covers it',
    },
    {
      uuid: uuid(),
      hypothesisUuid: sso.uuid,
      outcome: 'validated',
      date: day(-11),
      reason: 'Every enterprise deal this quarter required it',
    },
    {
      uuid: uuid(),
      hypothesisUuid: mobile.uuid,
      outcome: 'invalidated',
      date: day(-2),
      reason: 'Usage data: 2% of sessions on mobile web',
    },
  ];

  // an account exists from its UUIDv7's time (pm coverage --as-of counts it from then): each one's is
  // the day of its first conversation, not the placeholder's mid-2024, which made every account of
  // the sample "exist" long before it was heard from (fresh-eyes E21); the random end stays
  const first = new Map<string, string>();
  for (const i of interviews)
    if (i.accountUuid && !(first.get(i.accountUuid)! <= i.date)) first.set(i.accountUuid, i.date);
  const born = new Map<string, string>();
  for (const a of accounts) {
    const date = first.get(a.uuid);
    if (date === undefined) continue;
    const ms = Date.parse(`${date}T00:00:00Z`).toString(16).padStart(12, '0');
    born.set(a.uuid, `${ms.slice(0, 8)}-${ms.slice(8)}${a.uuid.slice(13)}`);
    a.uuid = born.get(a.uuid)!;
  }
  for (const c of Object.values(people)) c.accountUuid = born.get(c.accountUuid!) ?? c.accountUuid;
  for (const i of interviews) if (i.accountUuid) i.accountUuid = born.get(i.accountUuid) ?? i.accountUuid;

  return {
    format: 'pm-journal',
    version: 2,
    exportedAt,
    // three customer conversations a week, the advice the issue tracker and Cagan give
    config: { 'cadence.target': 3, 'product.outcome': 'Finance teams close the month in a day' },
    accounts,
    contacts: Object.values(people),
    interviews,
    hypotheses,
    evidence,
    outcomes,
    opportunities: [invoiceMatching],
    settings: [],
    deleted: [],
  };
}
