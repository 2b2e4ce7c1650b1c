import type { Node } from 'jsonc-parser';
import { didYouMean } from '../../text';
import type { Fix } from '../../types';
import { members } from '../parse';
import type { PolicyRule } from './rule';

const MEMBER = '"Version": "2012-10-17"';

/** Inserts Version as the first member, on its own line with the first member's indentation when the
 * document is laid out one member per line. */
function insertVersion(text: string, root: Node): Fix {
  const first = root.children?.[0];
  const title = 'Add "Version": "2012-10-17"';
  if (!first) return { title, preferred: true, edits: [{ offset: root.offset + 1, length: 0, newText: MEMBER }] };
  const lineStart = text.lastIndexOf('\n', first.offset - 1) + 1;
  const indent = text.slice(lineStart, first.offset);
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const newText = /^[ \t]*$/.test(indent) ? `${MEMBER},${newline}${indent}` : `${MEMBER}, `;
  return { title, preferred: true, edits: [{ offset: first.offset, length: 0, newText }] };
}

export const rule: PolicyRule = {
  id: 'missing-version',
  severity: 'warning',
  description: 'A policy without Version is read as the 2008-10-17 language, where policy variables are literal text.',
  check(doc, _ctx, report) {
    if (doc.root?.type !== 'object' || doc.top.has('Version') || doc.syntaxErrors.length > 0) return;
    // A misspelt "version" key is unknown-key's finding, with its rename fix.
    if (members(doc.root).some((m) => didYouMean(m.key, ['Version']))) return;
    const message = doc.text.includes('${')
      ? 'The policy has no Version, so IAM reads it as version 2008-10-17 and its policy variables (${…}) are matched as literal text: add "Version": "2012-10-17".'
      : 'The policy has no Version, so IAM reads it as version 2008-10-17, which lacks policy variables: add "Version": "2012-10-17".';
    report({ offset: doc.root.offset, length: 1, message, fixes: [insertVersion(doc.text, doc.root)] });
  },
};
