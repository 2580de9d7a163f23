/**
 * Spreadsheet cells and formula injection (reliability.md R20, OWASP ASVS 1.2.10): text that a spreadsheet would run
 * as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) is exported with a leading `'`, and an
 * import takes that one `'` off again, so a phone "+254..." and a name "-Ann" survive a round trip unchanged.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function escapeCellText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function unescapeCellText(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}
