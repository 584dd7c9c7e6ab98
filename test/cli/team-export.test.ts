// The weekly notes of a journal shared through pm sync (a real PostgreSQL, test/pg.ts) are the team's
// (fresh-eyes wave 15 H11): `pm export --week last` judged the whole team's calls against one person's
// target ("3 with 3 customers (target 2: met)", "on track") while `pm report --team` said the team's
// target of 4 was not met and Pat's own page said he was short. Now the export, markdown and HTML, and
// `pm report --team` in every format judge the team against the team's target, each person in a Team section.
import { describe, expect, it } from 'vitest';
import { twoJournals } from '../two-journals.js';

const t = twoJournals('2026-12-14');

describe("a shared journal's weekly export", () => {
  it("judges the team's calls against the team's target, with each person's, as pm report --team does", async () => {
    t.pm('a', ['config', 'set', 'user.name', 'Pat']);
    t.pm('b', ['config', 'set', 'user.name', 'Dana']);
    t.pm('a', ['config', 'set', 'cadence.target', '2']);
    // 2026-W50: Pat one customer call, Dana two: three of the team's four
    t.pm('a', ['log', '--with', 'Ann A', '--account', 'Acme', '--summary', 'Pat call', '--date', '2026-12-08']);
    t.syncFirst(await t.postgres());
    for (const [who, date] of [
      ['Bo B', '2026-12-09'],
      ['Cy C', '2026-12-10'],
    ])
      t.pm('b', ['log', '--with', who, '--account', 'Globex', '--summary', 'Dana call', '--date', date]);
    t.pm('b', ['sync']);
    t.pm('a', ['sync']);

    const md = t.pm('a', ['export', '--week', 'last']).out;
    expect(md).toContain(
      '2026-12-07..2026-12-13, as of 2026-12-13, conversations held by the team (2 people): **behind**',
    );
    expect(md).toContain('Customer conversations: 3 with 3 customers (team target 4 (2 × 2): **not met**)');
    expect(md).not.toMatch(/target 2: \*\*met\*\*/);
    expect(md).toMatch(/^## Team$/m);
    expect(md).toMatch(/^\| Pat \| 1 \| 2 \| not met \| 2026-12-08 \|$/m);
    expect(md).toMatch(/^\| Dana \| 2 \| 2 \| met \| 2026-12-10 \|$/m);

    const html = t.pm('a', ['export', '--week', 'last', '--format', 'html']).out;
    expect(html).toContain('conversations held by the team (2 people)');
    expect(html).toMatch(/team target <b data-n="target">4<\/b> \(2 × 2\): <b>not met<\/b>/);
    expect(html).toContain('<section id="team"><h2>Team</h2>');
    expect(html).toContain('<tr><td>Pat</td><td>1/2</td><td>not met</td><td>2026-12-08</td></tr>');

    // the report of the team says the same in every format
    const json = JSON.parse(t.pm('a', ['report', '--team', '--week', 'last', '--json']).out);
    expect(json.contact).toMatchObject({ direct: 3, target: 4, people: 2, met: false });
    expect(json.weekly.target).toBe(4);
    expect(json.verdict).toBe('behind');
    expect(json.team).toMatchObject({ direct: 3, target: 4, met: false });
    expect(t.pm('a', ['report', '--team', '--week', 'last', '--full']).out).toContain(
      '3 customer conversations with 3 customers · team target 4 (2 × 2): not met',
    );
    expect(t.pm('a', ['report', '--team', '--week', 'last', '--format', 'md']).out).toContain(
      '(team target 4 (2 × 2): **not met**)',
    );
    expect(t.pm('a', ['report', '--team', '--week', 'last', '--format', 'html']).out).toContain(
      '<section id="team"><h2>Team</h2>',
    );
    // Pat's own page stays his, against his own target
    expect(JSON.parse(t.pm('a', ['report', '--week', 'last', '--json']).out).contact).toMatchObject({
      direct: 1,
      target: 2,
    });
  });

  it('is the one target of a journal nobody else logs in, unless asked with --team; --team is for md and html', () => {
    t.pm('a', ['config', 'set', 'cadence.target', '2']);
    for (const [by, who, date] of [
      ['Pat', 'Ann A', '2026-12-08'],
      ['Dana', 'Bo B', '2026-12-09'],
      ['Dana', 'Cy C', '2026-12-10'],
    ])
      t.pm('a', ['log', '--with', who, '--account', 'Acme', '--summary', 'call', '--by', by, '--date', date]);
    expect(t.pm('a', ['export', '--week', 'last']).out).toContain('(target 2: **met**)');
    const team = t.pm('a', ['export', '--week', 'last', '--team']).out;
    expect(team).toContain('(team target 4 (2 × 2): **not met**)');
    expect(team).toMatch(/^## Team$/m);
    const before = t.box.snapshot();
    for (const format of ['json', 'csv']) {
      const r = t.run('a', ['export', '--week', 'last', '--team', '--format', format]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^pm: --team is for the markdown and HTML pages/);
    }
    // the whole journal's export has no team page: --team there is refused, not silently ignored
    const whole = t.run('a', ['export', '--team']);
    expect(whole.code).toBe(2);
    expect(whole.err).toMatch(/^pm: --team is for a period's page/);
    expect(whole.out).toBe('');
    expect(t.box.snapshot()).toBe(before);
  });

  it("is the same page whoever runs it: a synced week only one person logged in is that person's (review R2)", async () => {
    t.pm('a', ['config', 'set', 'user.name', 'Pat']);
    t.pm('b', ['config', 'set', 'user.name', 'Dana']);
    t.pm('a', ['config', 'set', 'cadence.target', '2']);
    t.pm('b', ['config', 'set', 'cadence.target', '2']);
    t.pm('a', ['log', '--with', 'Ann A', '--account', 'Acme', '--summary', 'Pat call', '--date', '2026-12-08']);
    t.syncFirst(await t.postgres());
    const pat = t.pm('a', ['export', '--week', 'last']).out;
    const dana = t.pm('b', ['export', '--week', 'last']).out;
    expect(pat).toContain('Customer conversations: 1 with 1 customer (target 2: **not met**)');
    expect(pat).not.toMatch(/^## Team$/m);
    expect(dana).toBe(pat);
  });
});
