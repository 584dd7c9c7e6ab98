// Interview guides (src/core/guide.ts): each problem pm guide check names, open questions about the
// past passing, how a file's questions are found, and the guides pm guide writes passing the check.
import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../src/core/config.js';
import { KINDS } from '../../src/core/hypotheses.js';
import { buildGuide, checkQuestions, questionsOf, reviewQuestion, type GuideInput } from '../../src/core/guide.js';

const kinds = (q: string) => reviewQuestion(q).map((p) => p.kind);

describe('reviewQuestion', () => {
  it('passes open questions about what happened', () => {
    for (const q of [
      'Tell me about the last time you closed the books.',
      'Tell me about the last time you…',
      'Walk me through how you matched invoices last month.',
      'What happened the last time an export failed?',
      'How do you handle invoice matching today?',
      'Why was that hard?',
      'What did you try before that?',
      'Who else was in the room when you decided?',
      'Could you walk me through the last renewal?',
      'Can you tell me about the last time it broke?',
      'What tools and people are involved in month-end?',
      'What else should I have asked you about this?',
    ])
      expect(reviewQuestion(q), q).toEqual([]);
  });

  it('leading: the answer is in the question', () => {
    for (const q of [
      "Don't you think exports are too slow?",
      'Wouldn’t you agree that invoices are painful?',
      "Isn't it annoying to match payments by hand?",
      'Surely you lose time on this?',
      'How frustrating is the export?',
      'The export is slow, right?',
    ])
      expect(kinds(q), q).toContain('leading');
  });

  it('hypothetical: what they would do, not what they did', () => {
    for (const q of [
      'Would you use automatic matching?',
      'How much would you pay for it?',
      'If we built a scheduler, what would change?',
      'Will you renew next year?',
      'Could you see yourself switching?',
      'Imagine a faster export: what then?',
      'How likely are you to recommend us?',
    ])
      expect(kinds(q), q).toContain('hypothetical');
  });

  it('closed: a yes/no question, unless it asks for a story', () => {
    for (const q of [
      'Do you export every week?',
      'Is matching hard?',
      'Have you ever tried a script for it?',
      'Did it work?',
    ])
      expect(kinds(q), q).toEqual(['closed']);
    expect(kinds('Would you tell me about the last export?')).toEqual([]);
  });

  it('compound: two questions in one', () => {
    expect(kinds('How do you export, and why?')).toEqual(['compound']);
    expect(kinds('What do you use? How often?')).toEqual(['compound']);
    expect(kinds('Who decides or who pays?')).toEqual(['compound']);
    expect(reviewQuestion('What do you use? How often?')[0].reason).toMatch(/2 questions in one/);
  });

  // fresh-eyes wave 12 G10: the textbook bad questions passed, or got only "closed"
  it('the Mom Test classics: negative questions, a thing that would, opinions, three asked as one', () => {
    expect(kinds("Don't you hate manual work and wouldn't a tool help?")).toEqual([
      'leading',
      'hypothetical',
      'closed',
      'compound',
    ]);
    expect(kinds('What do you think about a tool that would do it for you?')).toEqual(['hypothetical', 'pitch']);
    expect(kinds('Tell me how you close the month and what tools you use and who helps.')).toEqual(['compound']);
    for (const q of ["Wouldn't you want it automated?", "Doesn't that slow you down?", "Won't you need SSO?"])
      expect(kinds(q), q).toContain('leading');
    for (const q of ['Could a script do it?', 'Would the team use a dashboard?', 'Is there a tool which could fix it?'])
      expect(kinds(q), q).toContain('hypothetical');
    for (const q of ['How does that sound?', 'How do you feel about a weekly digest?', 'What do you think of it?'])
      expect(kinds(q), q).toContain('pitch');
  });

  it('still passes good open questions near those words', () => {
    for (const q of [
      'Tell me about the last time you closed the month.',
      'Tell me how you close the month and who helps.',
      'What tools and people are involved in month-end?',
      'What did you think when the export failed?',
      'What did you do the last time a tool could not do it?',
      'Walk me through what happened, and what you did next.',
      'Who would usually approve a purchase like that?',
      'What happened after the tool broke?',
      'How did you feel when the export failed last month?',
      'Could you walk me through the last renewal?',
      'What do you think about when you close the month?',
    ])
      expect(reviewQuestion(q), q).toEqual([]);
  });

  it('pitch: talking about your idea', () => {
    for (const q of [
      'Our new feature matches invoices: what do you think?',
      'We built a scheduler for exports; how does that sound?',
      "We're building an SSO add-on; what is missing?",
      'What do you think of my prototype?',
      'Do you like our new reconciliation feature?',
      'Would our invoice matching tool help?',
    ])
      expect(kinds(q), q).toContain('pitch');
  });

  it('names every problem a question has, each with a reason quoting it', () => {
    const problems = reviewQuestion("Wouldn't you agree our new app would save you time, and would you pay?");
    expect(problems.map((p) => p.kind)).toEqual(['leading', 'hypothetical', 'closed', 'compound', 'pitch']);
    expect(problems[0].reason).toMatch(/^"Wouldn't you agree" suggests the answer/);
    expect(problems[4].reason).toMatch(/^"our new app" talks about your idea/);
  });
});

describe('questionsOf', () => {
  it('takes one question a line or markdown list items, keeps line numbers, skips the rest', () => {
    const text = [
      '# Questions for H3', // 1
      '', // 2
      '- Tell me about the last time you exported.', // 3
      '* [ ] Do you export weekly?', // 4
      '  2. Why?', // 5
      '```', // 6
      'not a question', // 7
      '```', // 8
      '<!-- a note -->', // 9
      '> What did it cost?', // 10
      '---', // 11
      'How do you do it today?', // 12
    ].join('\n');
    expect(questionsOf(text)).toEqual([
      { line: 3, text: 'Tell me about the last time you exported.' },
      { line: 4, text: 'Do you export weekly?' },
      { line: 5, text: 'Why?' },
      { line: 10, text: 'What did it cost?' },
      { line: 12, text: 'How do you do it today?' },
    ]);
    expect(
      checkQuestions(text)
        .filter((q) => q.problems.length)
        .map((q) => q.line),
    ).toEqual([4]);
  });
});

describe('buildGuide', () => {
  const input = (over: Partial<GuideInput> = {}): GuideInput => ({
    id: 'H3',
    statement: 'Finance teams will pay for automatic invoice matching',
    kind: 'value',
    criteria: null,
    decideBy: '2026-12-10',
    opportunities: [],
    tags: [],
    supports: 1,
    refutes: 0,
    customersSupporting: 1,
    customersRefuting: 0,
    accountsSupporting: 1,
    confidence: { level: 'anecdotal', score: 0.5, refutedAt: null },
    segments: ['enterprise', 'smb'],
    stages: ['discover', 'evaluate', 'adopt'],
    stagesLogged: true,
    heardSegments: ['SMB'],
    heardStages: ['evaluate'],
    ...over,
  });

  it('writes 5 to 8 open questions for every kind, with or without opportunities, that pass the check', () => {
    for (const kind of KINDS)
      for (const opportunities of [[], ['slow CSV export'], ['a', 'b', 'c', 'd', 'e']])
        for (const tags of [[], ['billing', 'export']]) {
          const g = buildGuide(input({ kind, opportunities, tags }), DEFAULTS);
          expect(g.questions.length, `${kind} ${opportunities.length}`).toBeGreaterThanOrEqual(5);
          expect(g.questions.length).toBeLessThanOrEqual(8);
          for (const q of g.questions) expect(reviewQuestion(q), q).toEqual([]);
          // never the hypothesis itself, its claim (that would be a pitch); its thing only where nothing else is
          expect(g.questions.join(' ')).not.toMatch(/pay for|Finance teams/);
          if (opportunities.length || tags.length) expect(g.questions.join(' ')).not.toMatch(/invoice matching/);
        }
  });

  it("asks first about the opportunities it addresses, in the customer's words, else its tags", () => {
    const g = buildGuide(input({ opportunities: ['manual invoice matching', '"slow" exports'] }), DEFAULTS);
    expect(g.questions.slice(0, 2)).toEqual([
      'Tell me about the last time you ran into “manual invoice matching”.',
      'Tell me about the last time you ran into “slow exports”.',
    ]);
    expect(buildGuide(input({ tags: ['billing'] }), DEFAULTS).questions[0]).toBe(
      'Tell me about the last time you had to deal with billing.',
    );
    expect(buildGuide(input(), DEFAULTS).questions.at(-1)).toBe('What else should I have asked you about this?');
  });

  it('with neither opportunity nor tag, opens on a question worded from its statement (fresh-eyes wave 13 H7)', () => {
    const first = (statement: string, kind: GuideInput['kind'] = 'value') =>
      buildGuide(input({ statement, kind }), DEFAULTS).questions[0];
    // the questions after it ("how you handled it") have something to refer to; the claim is not asked
    expect(first('Teams want a Slack digest')).toBe(
      'Tell me about the last time you needed something like a Slack digest.',
    );
    expect(first('Finance teams will pay for automatic invoice matching')).toBe(
      'Tell me about the last time you needed something like automatic invoice matching.',
    );
    expect(first('Support agents need to see the plan.')).toBe(
      'Tell me about the last time you needed to see the plan.',
    );
    expect(first('Admins can set up SSO without our help', 'usability')).toBe(
      'Tell me about the last time you had to set up SSO.',
    );
    expect(first('Finance teams cannot close the month in under 3 days')).toBe(
      'Tell me about the last time you had to close the month.',
    );
    // a statement of another form, or an opener pm guide check would flag (our … feature: a pitch)
    for (const statement of ['Users hate onboarding', 'Teams want our new reconciliation feature', 'Do they want it?'])
      expect(first(statement), statement).toBe('What was the hardest part of your work last week?');
    // what they would do is the claim (a price, a thing not built): not a past they can tell of (fresh-eyes
    // wave 19 H18: "the last time you had to pay 20% more for a Slack bot")
    for (const statement of [
      'Customers would pay 20% more for a Slack bot',
      'Agencies would buy a white-label version',
      'Ops leads will switch to a weekly digest',
    ])
      expect(first(statement), statement).toBe('What was the hardest part of your work last week?');
  });

  it('says what proves and disproves it, and who to ask next', () => {
    const g = buildGuide(input(), DEFAULTS);
    expect(g.prove).toBe('3 customers from at least two accounts support it, and none refutes it (ready-to-validate)');
    expect(g.disprove).toBe('2 customers refute it (ready-to-kill) by 2026-12-10');
    expect(g.askNext).toEqual({ segments: ['enterprise'], stages: ['discover', 'adopt'], stagesLogged: true });
    // a journal that never logged a stage is not told to ask every one
    expect(buildGuide(input({ stagesLogged: false }), DEFAULTS).askNext).toEqual({
      segments: ['enterprise'],
      stages: [],
      stagesLogged: false,
    });
    const withCriterion = buildGuide(input({ criteria: '3 of 5 finance leads say yes' }), DEFAULTS);
    expect(withCriterion.prove).toBe('3 of 5 finance leads say yes');
    expect(withCriterion.disprove).toBe(
      '2 customers refute it (ready-to-kill), or the criterion is not met by 2026-12-10',
    );
  });
});
