import { ParseErrorCode, printParseErrorCode } from 'jsonc-parser';
import { NESTED_TOO_DEEP } from '../parse';
import { MAX_NESTING } from '../strictJson';
import type { PolicyRule } from './rule';

const MESSAGES: Partial<Record<ParseErrorCode, string>> = {
  [ParseErrorCode.CommaExpected]: 'Expected a comma between members.',
  [ParseErrorCode.CloseBraceExpected]: 'Expected "}": an object is not closed.',
  [ParseErrorCode.CloseBracketExpected]: 'Expected "]": an array is not closed.',
  [ParseErrorCode.ColonExpected]: 'Expected ":" after the key.',
  [ParseErrorCode.PropertyNameExpected]: 'Expected a quoted key (a trailing comma before "}" is not allowed in JSON).',
  [ParseErrorCode.ValueExpected]: 'Expected a value (a trailing comma before "]" is not allowed in JSON).',
  [ParseErrorCode.UnexpectedEndOfString]: 'Unterminated string: the closing quote is missing.',
  [ParseErrorCode.InvalidCommentToken]: 'IAM policies are plain JSON: comments are not allowed.',
  [ParseErrorCode.EndOfFileExpected]: 'Unexpected content after the end of the policy.',
  [ParseErrorCode.InvalidSymbol]: 'Invalid character: JSON strings use straight double quotes.',
  [ParseErrorCode.InvalidEscapeCharacter]: 'Invalid escape sequence in a string.',
  [ParseErrorCode.InvalidCharacter]: 'Invalid character in a string (control characters must be escaped).',
  [ParseErrorCode.InvalidUnicode]: 'Invalid \\u escape in a string.',
  [ParseErrorCode.InvalidNumberFormat]: 'Invalid number.',
  [ParseErrorCode.UnexpectedEndOfComment]: 'Unterminated comment.',
  [ParseErrorCode.UnexpectedEndOfNumber]: 'Unterminated number.',
  [NESTED_TOO_DEEP]: `Objects and arrays nest more than ${MAX_NESTING} deep here (a policy needs six levels): the text is not read further.`,
};

const LEXICAL = new Set([
  ParseErrorCode.UnexpectedEndOfString, ParseErrorCode.InvalidCommentToken, ParseErrorCode.UnexpectedEndOfComment,
  ParseErrorCode.InvalidEscapeCharacter, ParseErrorCode.InvalidCharacter, ParseErrorCode.InvalidUnicode,
]);

export const rule: PolicyRule = {
  id: 'json-syntax',
  severity: 'error',
  description: 'The policy must be valid JSON: AWS rejects a missing brace or comma, a trailing comma, an unterminated string or a comment.',
  check(doc, _ctx, report) {
    const text = doc.text;
    let structuralReported = false;
    for (const e of doc.syntaxErrors) {
      let offset = e.offset;
      let length = e.length;
      let message = MESSAGES[e.error] ?? `JSON syntax error: ${printParseErrorCode(e.error)}.`;
      // A missing token is reported at the next token, often on a later line or at end of file:
      // show it right after the last visible character before it, where the token belongs.
      if (e.error === ParseErrorCode.CommaExpected || e.error === ParseErrorCode.CloseBraceExpected ||
          e.error === ParseErrorCode.CloseBracketExpected || e.error === ParseErrorCode.ColonExpected || length === 0) {
        if (e.error === ParseErrorCode.CommaExpected && text[offset] === ']') message = 'Expected "}" before "]": an object is not closed.';
        if (e.error === ParseErrorCode.CommaExpected && text[offset] === '}') message = 'Expected "]" before "}": an array is not closed.';
        let end = offset;
        while (end > 0 && /\s/.test(text[end - 1])) end--;
        if (end < offset || offset >= text.length) {
          offset = Math.max(0, end - 1);
          length = end > 0 ? 1 : 0;
        }
      }
      if ((e.error === ParseErrorCode.PropertyNameExpected || e.error === ParseErrorCode.ValueExpected) && /[}\]]/.test(text[offset] ?? '')) {
        let comma = offset;
        while (comma > 0 && /\s/.test(text[comma - 1])) comma--;
        if (text[comma - 1] === ',') {
          offset = comma - 1;
          length = 1;
          message = `Trailing comma before "${text[e.offset]}": JSON does not allow it.`;
        }
      }
      // After the first structural error the parser's recovery produces follow-on errors that are
      // noise; lexical errors (strings, comments, characters) are always real.
      const lexical = LEXICAL.has(e.error);
      if (!lexical && structuralReported) continue;
      if (!lexical || e.error === ParseErrorCode.UnexpectedEndOfString) structuralReported = true;
      // jsonc-parser counts a comment unclosed at the end of the text one character past it.
      report({ offset, length: Math.min(length, text.length - offset), message });
    }
  },
};
