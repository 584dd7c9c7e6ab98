// `pm report --team` judges each past week against the team as it was that week: the people who held
// a conversation in the 8 weeks up to its end, as the Team section counts the team. Judged by today's
// head-count, Lee joining this week turned five weeks Pat and Dana met into misses and the streak into
// 1 (review wave 18 H8).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
const log = (by: string, who: string, date: string) =>
  box.ok(['log', '--with', who, '--account', `${who} Co`, '--summary', `${by} met ${who}`, '--by', by, '--date', date]);
beforeEach(() => {
  box = sandbox({ today: '2026-12-10' });
  // one customer conversation each a week, W45 (2026-11-02) to W49 (2026-11-30), the target of one each
  for (const monday of ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23', '2026-11-30']) {
    log('Pat', `Ann ${monday}`, monday);
    log('Dana', `Bo ${monday}`, monday);
  }
  // this week, W50, Lee joins
  for (const by of ['Pat', 'Dana', 'Lee']) log(by, `Cy ${by}`, '2026-12-08');
});
afterEach(() => box.cleanup());

type Weekly = {
  contact: { target: number; people: number };
  weekly: { target: number; streak: number; weeks: { label: string; direct: number; met: boolean; target?: number }[] };
};

describe('the team page judges each week by who was on the team then', () => {
  it('the weeks before Lee joined were met by two, and the streak runs through them', () => {
    const r = box.json(['report', '--team']) as Weekly;
    expect(r.contact.people).toBe(3);
    expect(r.weekly.target).toBe(3);
    const charted = r.weekly.weeks.filter((w) => w.direct > 0);
    expect(charted.map((w) => [w.label, w.direct, w.met, w.target])).toEqual([
      ['2026-W45', 2, true, 2],
      ['2026-W46', 2, true, 2],
      ['2026-W47', 2, true, 2],
      ['2026-W48', 2, true, 2],
      ['2026-W49', 2, true, 2],
      ['2026-W50', 3, true, 3],
    ]);
    expect(r.weekly.streak).toBe(6);
    expect(box.ok(['report', '--team']).out).toContain('6 weeks on target');
  });

  it("says in text, markdown and HTML the target of a week judged by a smaller team than the heading's", () => {
    // the heading names today's team target (3); a week met at 2 "on target" under it read as a contradiction
    const text = box.ok(['report', '--team']).out;
    expect(text).toContain('team target 3 (3 × 1), the line');
    expect(text).toMatch(/^ {2}2026-W45 .* 2 \(target 2 then\)$/m);
    expect(text).toMatch(/^ {2}2026-W50 .* 3$/m);
    const md = box.ok(['report', '--team', '--format', 'md']).out;
    expect(md).toContain('- 2026-W45: 2 (on target: 2 then)\n');
    expect(md).toContain('- 2026-W50: 3 (on target)\n');
    const html = box.ok(['report', '--team', '--format', 'html']).out;
    expect(html).toContain('<title>2026-W45: 2 customer conversations, on target (target 2 then)</title>');
    expect(html).toContain('<title>2026-W50: 3 customer conversations, on target</title>');
    // a page of one person, or of a team that did not change, says no target a week
    expect(box.ok(['report', '--team', '--format', 'md', '--week', 'last']).out).toContain(
      '- 2026-W45: 2 (on target)\n',
    );
    expect(box.ok(['report', '--by', 'Pat']).out).not.toContain(' then)');
  });

  it("last week's page is judged by the two on the team then, not by Lee who joined since", () => {
    const r = box.json(['report', '--team', '--week', 'last']) as Weekly & {
      verdict: string;
      team: { members: { by: string }[]; silent: string[] };
    };
    expect(r.contact.people).toBe(2);
    expect(r.contact.target).toBe(2);
    expect(r.team.members.map((m) => m.by)).toEqual(['Dana', 'Pat']);
    expect(r.team.silent).toEqual([]);
    expect(r.weekly.streak).toBe(5);
  });

  it('counts the streak of a steady team past the chart, its older weeks judged by the team then too', () => {
    // Pat and Dana, one each a week for the eight weeks before W45 as well: 14 weeks on target
    const mondays = ['2026-09-07', '2026-09-14', '2026-09-21', '2026-09-28', '2026-10-05', '2026-10-12'];
    for (const monday of [...mondays, '2026-10-19', '2026-10-26']) {
      log('Pat', `Ann ${monday}`, monday);
      log('Dana', `Bo ${monday}`, monday);
    }
    expect((box.json(['report', '--team']) as Weekly).weekly.streak).toBe(14);
  });
});
