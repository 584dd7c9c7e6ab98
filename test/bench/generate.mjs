// A deterministic (seeded) generator of realistic pm journals in the `pm-journal` v1 JSON format,
// for the benchmark: N interviews over five years ending on END, 1k accounts, 3k contacts, 2k
// hypotheses, ~30% of interviews carrying evidence, notes of a few hundred characters.
// The harsh shape (issue 18, `shape: 'harsh'`) is what makes listings and the report work hardest:
// 6k accounts (most seldom heard from, so thousands going cold), 12k contacts, 3k hypotheses of
// which fewer are decided (over 1,000 open at 100k), evidence often linked after its hypothesis's
// decision (over 5,000 such links at 100k) and follow-ups left undone (over 500 due). The default
// shape is generated exactly as before: what the harsh one adds draws only when it is asked for.
// Usage: node test/bench/generate.mjs N [--seed S] [--end YYYY-MM-DD] [--shape harsh] > journal.json
import { writeSync } from 'node:fs';

export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'Ada',
  'Ben',
  'Chen',
  'Dana',
  'Eli',
  'Fatima',
  'Gus',
  'Hana',
  'Ivan',
  'Jade',
  'Kofi',
  'Lena',
  'Mateo',
  'Nia',
  'Omar',
  'Priya',
  'Quinn',
  'Rosa',
  'Sven',
  'Tariq',
  'Uma',
  'Vera',
  'Wes',
  'Xin',
  'Yara',
  'Zane',
];
const LAST = [
  'Abbott',
  'Baker',
  'Castro',
  'Dubois',
  'Eriksen',
  'Fox',
  'Garcia',
  'Haddad',
  'Ito',
  'Jensen',
  'Kowalski',
  'Lopez',
  'Moreau',
  'Nakamura',
  'Okafor',
  'Patel',
  'Quist',
  'Rossi',
  'Silva',
  'Tanaka',
  'Ueda',
  'Varga',
  'Weber',
  'Xu',
  'Yilmaz',
  'Zhang',
];
const ORG_A = [
  'North',
  'Blue',
  'Iron',
  'Bright',
  'Silver',
  'Rapid',
  'Clear',
  'Green',
  'Swift',
  'Prime',
  'Atlas',
  'Nova',
  'Summit',
  'Harbor',
  'Cedar',
  'Pixel',
  'Vector',
  'Orbit',
  'Delta',
  'Echo',
];
const ORG_B = [
  'works',
  'labs',
  'logistics',
  'health',
  'retail',
  'finance',
  'systems',
  'foods',
  'media',
  'energy',
  'bank',
  'motors',
  'travel',
  'studio',
  'cloud',
  'freight',
  'dental',
  'legal',
  'farms',
  'clinic',
];
const SEGMENTS = ['smb', 'mid-market', 'enterprise', 'public-sector', 'startup'];
const DIRECT = ['call', 'call', 'call', 'video', 'video', 'visit', 'chat', 'email', 'event'];
const INDIRECT = ['support', 'sales', 'review', 'survey'];
const TOPICS = [
  'invoices',
  'exports',
  'onboarding',
  'permissions',
  'reporting',
  'search',
  'mobile app',
  'integrations',
  'pricing',
  'notifications',
  'audit log',
  'single sign-on',
  'dashboards',
  'bulk edit',
  'API limits',
  'data import',
  'scheduling',
  'approvals',
  'offline mode',
  'templates',
];
const PAINS = [
  'takes too long',
  'is confusing',
  'breaks for large accounts',
  'needs a workaround in spreadsheets',
  'is missing for their auditors',
  'costs them hours every week',
  'blocks their finance team',
  'is hard to find',
  'fails silently',
  'needs IT to set up',
];
const VERBS = [
  'explained',
  'showed us',
  'complained that',
  'mentioned',
  'walked through how',
  'said',
  'asked whether',
  'estimated that',
];
const TAGS = [
  'billing',
  'export',
  'onboarding',
  'admin',
  'reporting',
  'search',
  'mobile',
  'integrations',
  'pricing',
  'security',
  'performance',
  'ux',
];
const KINDS = ['value', 'value', 'usability', 'feasibility', 'viability'];
const STAGES = ['discover', 'evaluate', 'onboard', 'adopt', 'expand', 'churn'];

function uuidFrom(rand, dayNumber) {
  const ms = dayNumber * 86400000 + Math.floor(rand() * 86400000);
  const hex = (n, w) => n.toString(16).padStart(w, '0');
  const r = () => hex(Math.floor(rand() * 0x10000), 4);
  const t = hex(ms, 12);
  return `${t.slice(0, 8)}-${t.slice(8, 12)}-7${r().slice(1)}-${hex(0x8000 | Math.floor(rand() * 0x3fff), 4)}-${r()}${r()}${r()}`;
}

const dayNumber = (iso) => Math.round(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86400000);
const isoOf = (n) => new Date(n * 86400000).toISOString().slice(0, 10);

export function generate(interviewCount, { seed = 42, end = '2026-11-20', shape = 'today', ...counts } = {}) {
  const harsh = shape === 'harsh';
  const {
    accounts: accountCount = harsh ? 6000 : 1000,
    contacts: contactCount = harsh ? 12000 : 3000,
    hypotheses: hypothesisCount = harsh ? 3000 : 2000,
  } = counts;
  // the harsh shape's own draws: a stream of their own, so that the rest is drawn as in the default
  const harshRand = mulberry32(seed + 0x5bd1e995);
  const rand = mulberry32(seed);
  const pick = (a) => a[Math.floor(rand() * a.length)];
  // what later formats added (stages, personas, evidence basis, bets) draws from a stream of its
  // own, so that everything else is generated exactly as before
  const more = mulberry32(seed + 0x9e3779b9);
  const pickMore = (a) => a[Math.floor(more() * a.length)];
  const endDay = dayNumber(end);
  const startDay = endDay - 5 * 365;
  const sentence = () => `${pick(FIRST)} ${pick(VERBS)} ${pick(TOPICS)} ${pick(PAINS)}.`;

  const accounts = [];
  const names = new Set();
  for (let i = 0; i < accountCount; i++) {
    let name = `${pick(ORG_A)}${pick(ORG_B)}`;
    while (names.has(name.toLowerCase())) name = `${pick(ORG_A)}${pick(ORG_B)} ${Math.floor(rand() * 9000) + 1000}`;
    names.add(name.toLowerCase());
    accounts.push({
      uuid: uuidFrom(rand, startDay),
      name,
      segment: pick(SEGMENTS),
      cadenceDays: rand() < 0.05 ? 'off' : rand() < 0.1 ? 60 : null,
    });
  }
  accounts.push({ uuid: uuidFrom(rand, startDay), name: 'Us', segment: null, cadenceDays: 'off' });
  const contacts = [];
  for (let i = 0; i < contactCount; i++) {
    const account = i < 60 ? accounts[accounts.length - 1] : accounts[i % accountCount];
    const first = pick(FIRST),
      last = pick(LAST);
    contacts.push({
      uuid: uuidFrom(rand, startDay),
      name: `${first} ${last}`,
      email: `${first}.${last}.${i}@example.test`.toLowerCase(),
      accountUuid: account.uuid,
      role: i < 60 ? 'stakeholder' : rand() < 0.15 ? 'prospect' : rand() < 0.03 ? 'partner' : 'customer',
      segment: rand() < 0.5 ? pick(['finance lead', 'ops manager', 'admin', 'developer', 'founder']) : null,
    });
    contacts[contacts.length - 1].persona =
      more() < 0.6 ? pickMore(['finance lead', 'ops manager', 'it admin', 'developer', 'founder']) : null;
  }
  const byAccount = new Map();
  for (const c of contacts)
    (byAccount.get(c.accountUuid) ?? byAccount.set(c.accountUuid, []).get(c.accountUuid)).push(c);

  const hypotheses = [];
  const outcomes = [];
  for (let i = 0; i < hypothesisCount; i++) {
    const created = startDay + Math.floor(rand() * (endDay - startDay));
    const topic = pick(TOPICS);
    const h = {
      uuid: uuidFrom(rand, created),
      id: `H${i + 1}`,
      statement: `We believe ${pick(SEGMENTS)} customers want better ${topic} because it ${pick(PAINS)}`,
      kind: pick(KINDS),
      criteria: rand() < 0.7 ? `${3 + Math.floor(rand() * 4)} of 8 interviewed ${topic} users say it matters` : null,
      createdOn: isoOf(created),
      decideBy: isoOf(created + 28),
      tags: [pick(TAGS)],
      revisions: [],
    };
    hypotheses.push(h);
    // most hypotheses older than two months have been decided; a few decisions were reopened
    const r = rand();
    // harsh: 45% of the older hypotheses are still open
    if (created < endDay - 60 && r < 0.85 && !(harsh && harshRand() < 0.4)) {
      const decided = created + 10 + Math.floor(rand() * 40);
      const outcome = r < 0.3 ? 'validated' : r < 0.5 ? 'invalidated' : 'killed';
      outcomes.push({
        uuid: uuidFrom(rand, decided),
        hypothesisUuid: h.uuid,
        outcome,
        date: isoOf(decided),
        reason: `Decided after interviews: ${sentence()}`,
      });
      h.closedFrom = decided;
      if (rand() < 0.05 && decided + 5 < endDay) {
        outcomes.push({
          uuid: uuidFrom(rand, decided + 5),
          hypothesisUuid: h.uuid,
          outcome: 'reopened',
          date: isoOf(decided + 5),
          reason: 'New evidence from a large account',
        });
        h.reopenedFrom = decided + 5;
      }
    }
  }
  // evidence goes to hypotheses open on the interview's day (rarely, to one already decided)
  const openOn = (h, day) =>
    dayNumber(h.createdOn) <= day &&
    (h.closedFrom === undefined || day < h.closedFrom || (h.reopenedFrom !== undefined && day >= h.reopenedFrom));
  const byCreation = [...hypotheses].sort((a, b) => (a.createdOn < b.createdOn ? -1 : 1));
  const createdDays = byCreation.map((h) => dayNumber(h.createdOn));
  const firstAfter = (day) => {
    let lo = 0,
      hi = createdDays.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (createdDays[mid] <= day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  const interviews = [];
  const evidence = [];
  for (let i = 0; i < interviewCount; i++) {
    // more recent years are busier
    const day = startDay + Math.floor(Math.sqrt(rand()) * (endDay - startDay + 1));
    const indirect = rand() < 0.15;
    const account = rand() < 0.04 ? accounts[accounts.length - 1] : pick(accounts.slice(0, accountCount));
    const people = byAccount.get(account.uuid) ?? [];
    const withCount = indirect ? (rand() < 0.5 ? 1 : 0) : 1 + (rand() < 0.2 ? 1 : 0);
    const contactUuids = [
      ...new Set(Array.from({ length: Math.min(withCount, people.length) }, () => pick(people).uuid)),
    ];
    const channel = indirect ? pick(INDIRECT) : pick(DIRECT);
    const topic = pick(TOPICS);
    const notes = Array.from({ length: 3 + Math.floor(rand() * 5) }, sentence).join(' ');
    const followUp = rand() < 0.2 ? isoOf(day + 7 + Math.floor(rand() * 14)) : null;
    // follow-ups get done: nearly all of those older than a month, half of the recent ones
    let followUpDone = followUp ? (dayNumber(followUp) < endDay - 30 ? rand() < 0.98 : rand() < 0.5) : false;
    // harsh: one follow-up in ten of the last year left undone, and most of the last month's
    if (harsh && followUp && endDay - day < 365 && harshRand() < (endDay - day < 30 ? 0.8 : 0.1)) followUpDone = false;
    const iv = {
      uuid: uuidFrom(rand, day),
      id: `I${i + 1}`,
      date: isoOf(day),
      channel,
      contactUuids:
        channel === 'call' || !indirect
          ? contactUuids.length
            ? contactUuids
            : [pick(people)?.uuid].filter(Boolean)
          : contactUuids,
      accountUuid: account.uuid,
      by: pick(['dana', 'sam', 'alex']),
      minutes: indirect ? null : 15 + Math.floor(rand() * 45),
      summary: `${topic[0].toUpperCase()}${topic.slice(1)}: ${pick(PAINS)}`,
      notes,
      pains: rand() < 0.7 ? [`${topic} ${pick(PAINS)}`] : [],
      quotes: rand() < 0.4 ? [`"If ${topic} just worked we would pay for it"`] : [],
      tags: [pick(TAGS), ...(rand() < 0.3 ? [pick(TAGS)] : [])].filter((t, k, a) => a.indexOf(t) === k),
      followUp,
      followUpDone,
    };
    if (!indirect && iv.contactUuids.length === 0) continue;
    iv.stage = more() < 0.6 ? pickMore(STAGES) : null;
    interviews.push(iv);
    if (rand() < 0.3) {
      const recent = byCreation.slice(firstAfter(day - 120), firstAfter(day));
      const open = recent.filter((h) => openOn(h, day));
      let pool = open.length && rand() > 0.01 ? open : recent;
      // harsh: a third of the links go to a hypothesis decided before the conversation
      if (harsh && harshRand() < 0.33) {
        const late = byCreation
          .slice(firstAfter(day - 200), firstAfter(day))
          .filter((h) => h.closedFrom !== undefined && h.closedFrom < day && h.reopenedFrom === undefined);
        if (late.length) pool = late;
      }
      if (pool.length) {
        const h = pool[Math.floor(rand() * pool.length)];
        evidence.push({
          interviewUuid: iv.uuid,
          hypothesisUuid: h.uuid,
          direction: rand() < 0.65 ? 'supports' : 'refutes',
          strength: pick(['weak', 'medium', 'medium', 'strong']),
          basis: pickMore(['said', 'said', 'said', 'said', 'said', 'said', 'did', 'did', 'paid']),
        });
      }
    }
  }
  // a few conviction bets on hypotheses still open at the end
  let bets = 0;
  for (const h of hypotheses) {
    const open = h.closedFrom === undefined || h.reopenedFrom !== undefined;
    if (open && bets < 3 && dayNumber(h.createdOn) > endDay - 40 && more() < 0.5) {
      const since = Math.max(dayNumber(h.createdOn), endDay - 10);
      h.bet = { until: isoOf(since + 14 + bets * 7), reason: 'We have seen this pain first-hand', since: isoOf(since) };
      bets++;
    }
    delete h.closedFrom;
    delete h.reopenedFrom;
  }
  interviews.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  interviews.forEach((iv, k) => {
    iv.id = `I${k + 1}`;
  });
  return {
    format: 'pm-journal',
    version: 1,
    exportedAt: `${end}T12:00:00Z`,
    config: { 'cadence.target': 2, 'cadence.days': 7 },
    accounts,
    contacts,
    interviews,
    hypotheses,
    evidence,
    outcomes,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv[2] ?? 1000);
  const seedAt = process.argv.indexOf('--seed');
  const endAt = process.argv.indexOf('--end');
  const shapeAt = process.argv.indexOf('--shape');
  const doc = generate(n, {
    seed: seedAt > 0 ? Number(process.argv[seedAt + 1]) : 42,
    end: endAt > 0 ? process.argv[endAt + 1] : '2026-11-20',
    shape: shapeAt > 0 ? process.argv[shapeAt + 1] : 'today',
  });
  // write in pieces: a 100k journal is larger than one string should be built at once
  const write = (s) => writeSync(1, s);
  const { interviews, ...rest } = doc;
  const head = JSON.stringify({ ...rest, interviews: [] });
  write(head.slice(0, head.lastIndexOf('"interviews":[]')) + '"interviews":[');
  interviews.forEach((iv, k) => {
    write((k ? ',' : '') + JSON.stringify(iv));
  });
  write(']' + head.slice(head.lastIndexOf('"interviews":[]') + '"interviews":[]'.length));
}
