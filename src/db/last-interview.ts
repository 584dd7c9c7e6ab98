// What `last` means wherever an interview id is expected, in one place for the CLI and the completion
// bundle (which stays small: no import of interviews.ts). The interview logged most recently IN THIS
// JOURNAL (as `git` means HEAD): not the one with the latest date (after back-filling last week's
// call, `pm edit last` is that call), nor one that arrived since by import or sync (a teammate's
// record: fresh-eyes E19). pm log writes logged_here (0032). A journal with nothing logged here (only
// imported) falls back to the newest interview; NULL: no interviews.
export const LAST_INTERVIEW_ID =
  'SELECT coalesce((SELECT max(interview_id) FROM logged_here), (SELECT max(id) FROM interviews))';
