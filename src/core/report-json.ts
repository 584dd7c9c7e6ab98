// What `pm report --json` splices into the document (src/db/report-json.ts reads it,
// src/render/report-json.ts writes it).

/**
 * The long lists of the report and the flags they raise, each as the JSON text of its entries,
 * joined and indented as JSON.stringify(report, null, 2) writes them; null: none.
 */
export interface JsonLists {
  conversations: string | null;
  overdueAccounts: string | null;
  killed: string | null;
  refutedAfterValidation: string | null;
  followUps: string | null;
  /**
   * every open hypothesis's entry and the flags they raise (null: none), or null: built as the rest
   * of the report is
   */
  open: { entries: string | null; flags: string | null } | null;
  /** the flags each list raises, in the order the report raises them */
  flags: { accounts: string | null; killed: string | null; refuted: string | null; followUps: string | null };
}
