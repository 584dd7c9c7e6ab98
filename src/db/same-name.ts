// Who else logs under your name (fresh-eyes wave 13 H18): read by pm sync after it pulls.
import type { DB } from './journal.js';
import { deviceId } from './tracking.js';

/** The highest interview id now: a sync's new interviews come after it (what sameNameElsewhere reads). */
export function lastInterviewId(db: DB): number {
  return (db.prepare('SELECT coalesce(max(id), 0) FROM interviews').pluck().get() as number) ?? 0;
}

export interface SameNameElsewhere {
  /** the device the conversations were logged on (its id's first 8 digits) */
  device: string;
  /** their display ids, oldest first */
  ids: string[];
}

/**
 * Conversations a sync brought (ids after `after`) that are by `me` (user.name, else the OS login),
 * but were logged on another device, first seen from that device under that name (fresh-eyes wave 13
 * H18): two people who share a name (an unset user.name on two laptops that both log in as root) are
 * one person to the team for good, so the first such conversation is named; one person's second
 * machine looks the same, and is named once. A conversation's device is the one that made its first
 * version (the earliest in its version vector); logged here, it is none of these.
 */
export function sameNameElsewhere(db: DB, me: string, after: number): SameNameElsewhere[] {
  const rows = (q: string, p: object) =>
    db
      .prepare(`SELECT i.id, v.vv FROM interviews i JOIN record_versions v ON v.kind = 'interview' AND v.key = i.uuid
        WHERE ${q} AND lower(i.by) = lower(@me) AND i.id NOT IN (SELECT interview_id FROM logged_here) ORDER BY i.id`)
      .raw()
      .all({ me, after, ...p }) as [number, string][];
  const own = deviceId(db);
  const made = (vv: string) => {
    const versions = Object.entries(JSON.parse(vv) as Record<string, string>);
    return versions.reduce((x, y) => (y[1] < x[1] ? y : x))[0];
  };
  const arrived = rows('i.id > @after', {}).filter(([, vv]) => made(vv) !== own);
  if (arrived.length === 0) return [];
  // the devices already seen under this name before the sync (read only when some arrived)
  const seen = new Set(rows('i.id <= @after', {}).map(([, vv]) => made(vv)));
  const byDevice = new Map<string, string[]>();
  for (const [id, vv] of arrived) {
    const device = made(vv);
    if (!seen.has(device)) byDevice.set(device, [...(byDevice.get(device) ?? []), `I${id}`]);
  }
  return [...byDevice].map(([device, ids]) => ({ device: device.slice(0, 8), ids }));
}
