// What `pm report --json` splices into the document (src/db/report-json.ts reads it,
// src/render/report-json.ts writes it).

/** JSON text as UTF-8 bytes, read from SQLite and written as they are. */
export type JsonText = Buffer;

/**
 * The long lists of the report and the flags they raise, each as the JSON text of its entries,
 * joined and indented as JSON.stringify(report, null, 2) writes them; null: none.
 */
export interface JsonLists {
  conversations: JsonText | null;
  overdueAccounts: JsonText | null;
  killed: JsonText | null;
  refutedAfterValidation: JsonText | null;
  followUps: JsonText | null;
  /**
   * every open hypothesis's entry and the flags they raise (null: none), or null: built as the rest
   * of the report is
   */
  open: { entries: JsonText | null; flags: JsonText | null } | null;
  /** the period's themes' entries, or null: none, or built as the rest of the report is */
  themes: JsonText | null;
  /** the flags each list raises, in the order the report raises them */
  flags: { accounts: JsonText | null; killed: JsonText | null; refuted: JsonText | null; followUps: JsonText | null };
}
