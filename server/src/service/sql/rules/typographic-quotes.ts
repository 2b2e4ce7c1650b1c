import type { SqlRule } from './rule';

const TYPOGRAPHIC = /[‘’“”]/;

export const rule: SqlRule = {
  id: 'typographic-quotes',
  severity: 'error',
  description: "Typographic quotes (‘ ’ “ ”), often pasted from documents, are not SQL quotes: strings take straight single quotes (').",
  check(model, report) {
    for (const statement of model.statements) {
      // Most statements have none: only those that hold one have their tokens read.
      if (!TYPOGRAPHIC.test(model.text.slice(statement.start, statement.end))) continue;
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
