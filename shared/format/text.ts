/**
 * Text for screens and receipts, Unicode-safe: names may be Chinese (the seed has a role named 员工), Arabic or
 * carry combining marks and emoji, so lengths and cuts count user-perceived characters (grapheme clusters), never
 * UTF-16 code units, and nothing here changes the case or the form of a name.
 */
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The operator as the top bar shows it: "Raymond (0000)". */
export function formatOperator(name: string, userId: string): string {
  const trimmed = name.trim();
  return trimmed === '' || trimmed === userId ? userId : `${trimmed} (${userId})`;
}

/** How many characters a person sees: "员工" is 2, "👩‍👩‍👧" is 1, "é" written as e + combining accent is 1. */
export function graphemeLength(text: string): number {
  let count = 0;
  for (const _ of segmenter.segment(text)) count += 1;
  return count;
}

/** Cuts text to at most `max` visible characters, ending with "…" when cut; never splits a character. */
export function truncateText(text: string, max: number): string {
  if (max < 1) return '';
  const graphemes = Array.from(segmenter.segment(text), (segment) => segment.segment);
  if (graphemes.length <= max) return text;
  return `${graphemes.slice(0, max - 1).join('')}…`;
}
