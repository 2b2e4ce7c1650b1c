import type { SqlRule } from './rule';

export const rule: SqlRule = {
  id: 'typographic-quotes',
  severity: 'error',
  description: "Typographic quotes (‘ ’ “ ”), often pasted from documents, are not SQL quotes: strings take straight single quotes (').",
  check(model, report) {
    // Most scripts have none: only statements that hold one have their tokens read.
    const quotes = Array.from(model.text.matchAll(/[‘’“”]/g), (m) => m.index);
    if (quotes.length === 0) return;
    for (const statement of model.statements) {
      if (!holdsOffset(quotes, statement.start, statement.end)) continue;
      for (const token of statement.tokens) {
        if (token.kind !== 'typographicString') continue;
        const content = model.text.slice(token.bodyStart, token.bodyEnd);
        const isValue = statement.clauses.some((c) => c.value?.start === token.start);
        const double = /[“”]/.test(model.text[token.start]);
        const replacement = double && !isValue ? `"${content.replace(/"/g, '""')}"` : statement.literal(content);
        report({
          offset: token.start,
          length: token.end - token.start,
          message: `Typographic quotes ${model.text[token.start]}…${model.text[token.end - 1]} are not SQL quotes: write ${double && !isValue ? '"…" for an identifier' : "'…'"}.`,
          fixes: [{ title: 'Use straight quotes', edits: [{ offset: token.start, length: token.end - token.start, newText: replacement }], preferred: true }],
        });
      }
    }
  },
};

/** Whether the sorted `offsets` hold one in [start, end). */
function holdsOffset(offsets: number[], start: number, end: number): boolean {
  let low = 0;
  let high = offsets.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (offsets[mid] < start) low = mid + 1;
    else high = mid;
  }
  return low < offsets.length && offsets[low] < end;
}
