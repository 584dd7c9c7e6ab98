// pm sync names each interview and hypothesis of this journal that a teammate's deletion removed, as
// pm import does since fresh-eyes wave 18 H20, with the way back. Before, "Synced: pulled 2 changes,
// 2 deleted; pushed 0 changes.": no id, day or summary of the call that was gone.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { twoJournals } from '../two-journals.js';

const team = twoJournals();
const { pm } = team;

/** Pat's call and hypothesis, shared; Dana deletes `deleted` and syncs. */
async function deletedByDana(deleted: string[]) {
  pm('a', ['log', '--with', 'Jane', '--account', 'Acme', '--summary', 'My precious call', '--date', '2026-11-12']);
  pm('a', ['hyp', 'add', 'Ops leads want a digest', '--date', '2026-11-10']);
  team.syncFirst(await team.postgres());
  for (const id of deleted) pm('b', ['delete', id, '--yes']);
  pm('b', ['sync']);
}

describe('pm sync names each record a teammate deleted here', () => {
  it('the interview and the hypothesis, as pm delete names them, with a way back that works', async () => {
    await deletedByDana(['I1', 'H1']);
    const backup = join(team.box.dir, 'before.json');
    pm('a', ['export', '--format', 'json', '--out', backup]);
    const r = pm('a', ['sync', '--quiet']);
    expect(r.out).toMatch(/^Deleted here as a teammate deleted them: 1 interview, 1 hypothesis:$/m);
    expect(r.out).toMatch(/^ {2}I1 \(2026-11-12, Jane: My precious call\)$/m);
    expect(r.out).toMatch(/^ {2}H1 \("Ops leads want a digest"\)$/m);
    expect(r.out).toMatch(
      /^to bring one back: pm import FILE --undelete [IH]1, FILE a JSON export made before this sync/m,
    );
    // the way back it gives
    pm('a', ['import', backup, '--undelete', 'I1']);
    expect(pm('a', ['show', 'I1']).out).toMatch(/My precious call/);
    // the next sync deletes nothing here
    expect(pm('a', ['sync']).out).not.toMatch(/Deleted here/);
  });

  it('--json lists them by id with their label', async () => {
    await deletedByDana(['I1']);
    const r = JSON.parse(pm('a', ['sync', '--json']).out);
    expect(r.deletedByTeammate).toEqual([{ id: 'I1', label: 'I1 (2026-11-12, Jane: My precious call)' }]);
    expect(JSON.parse(pm('a', ['sync', '--json']).out).deletedByTeammate).toEqual([]);
  });
});
