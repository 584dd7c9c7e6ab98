// "Going cold", defined once, as SQL: `pm accounts`, `pm contacts`, `pm show` and the report's
// "Accounts going cold" all read it from here (src/core/cadence.ts turns it into what they print).
// It lives in SQL because the report reads only the accounts going cold (a few dozen of the bench
// journal's thousand; turning all of them into JavaScript values to drop most cost ~1.5 ms).
//
// An account's cadence is its own (accounts.cadence_days) or else the journal's account.cadenceDays;
// 0 is off. A contact has their account's cadence if they are a customer or prospect, else none:
// stakeholders and partners are never customer contact. Going cold (overdue): more whole days have
// passed since the last direct customer contact than the cadence. Never contacted, cadence off, or
// no cadence: not going cold.

/** The cadence in days (0: off) of an account whose own is `own`; `journalDefault` is account.cadenceDays. */
export function accountCadenceSql(own: string, journalDefault: string): string {
  return `coalesce(${own}, ${journalDefault})`;
}

/**
 * An account's cadence as its standing shows it: NULL (none, "—") when it has people, none of them a
 * customer or prospect, and no customer conversation (`lastDirect`): an account met only as
 * stakeholders or partners can never go cold, and pm contacts shows its people "—" (fresh-eyes wave 18
 * H7). An account of signals alone keeps its cadence (its customers are not named yet), and a cadence
 * set on the account (`pm account set --cadence`, off included) is shown as set. Else accountCadenceSql.
 */
export function accountStandingCadenceSql(id: string, own: string, journalDefault: string, lastDirect: string): string {
  return `CASE WHEN ${own} IS NULL AND ${lastDirect} IS NULL
    AND EXISTS (SELECT 1 FROM contacts c WHERE c.account_id = ${id})
    AND NOT EXISTS (SELECT 1 FROM contacts c WHERE c.account_id = ${id} AND c.role IN ('customer', 'prospect'))
    THEN NULL ELSE ${accountCadenceSql(own, journalDefault)} END`;
}

/** A contact's cadence: their account's for customers and prospects, else NULL (none). */
export function contactCadenceSql(role: string, accountOwn: string, journalDefault: string): string {
  return `CASE WHEN ${role} IN ('customer', 'prospect') THEN ${accountCadenceSql(accountOwn, journalDefault)} END`;
}

/** 1 when going cold as of `asOf`, else 0 (never NULL). */
export function goingColdSql(lastDirect: string, cadence: string, asOf: string): string {
  return `coalesce(${cadence} <> 0 AND julianday(${asOf}) - julianday(${lastDirect}) > ${cadence}, 0)`;
}

/**
 * How many days past its cadence `lastDirect` is as of `asOf` (negative: not due yet), or NULL when
 * never contacted, cadence off or no cadence: byMostOverdue's order (src/core/cadence.ts), most late
 * first, NULL last. The listings cut to a terminal's rows choose their first rows by it.
 */
export function latenessSql(lastDirect: string, cadence: string, asOf: string): string {
  return `CASE WHEN ${lastDirect} IS NOT NULL AND ${cadence} <> 0
    THEN julianday(${asOf}) - julianday(${lastDirect}) - ${cadence} END`;
}

/**
 * Common table expressions ending in `first`: the ids of the rows that can be among the first @first
 * of byMostOverdue's order, chosen by SQL so that a listing cut to a terminal's rows reads and lays
 * out those alone. `idsAndLate` selects every row's `id` and `late` (latenessSql). Chosen: the rows
 * at least as late as the @first-th, ties included (JavaScript orders those by name); every row when
 * there are fewer, or when the @first-th has no lateness (those are ordered by name alone).
 */
export function mostLateFirstSql(idsAndLate: string): string {
  return `late AS MATERIALIZED (${idsAndLate}),
  edge AS MATERIALIZED (SELECT late FROM late ORDER BY late DESC LIMIT 1 OFFSET @first - 1),
  first AS (SELECT id FROM late WHERE late >= (SELECT late FROM edge) OR (SELECT late FROM edge) IS NULL)`;
}
