/** Where the cursor is in a policy that is being typed: which key or value, inside which object.
 * The text is scanned token by token, so unterminated strings, trailing commas and missing closing
 * braces are understood. To stay fast in large documents, the scan starts at the innermost object or
 * array that a parse tree opens before the cursor: a left-to-right parser and a scanner agree on
 * everything before that point. The tree may be of an older version of the text (the last one parsed
 * before a keystroke), as long as only the part of the text it still describes is used. */
import { createScanner, Node, parseTree, ScanError, SyntaxKind } from 'jsonc-parser';
import { type Statement, statementOf, tooDeepAt } from './parse';

export type PathSegment = string | number;

/** The string or bare word that the cursor is in or right after. */
export interface CursorToken {
  /** Start of the token: the opening quote of a string. */
  offset: number;
  /** End of the text a completion replaces: before the closing quote, or the end of the word being typed. */
  end: number;
  quoted: boolean;
  /** Whether a quoted string has its closing quote. */
  terminated: boolean;
  /** The decoded content of the token (without quotes). */
  value: string;
}

export interface CursorLocation {
  /** Keys and array indices from the root to the object whose key is typed, or to the value typed. */
  path: PathSegment[];
  slot: 'key' | 'value';
  token?: CursorToken;
  /** A value ends right before the cursor with no comma after it. */
  needsComma: boolean;
  /** Where each object or array around the cursor opens, outermost first. */
  containers: number[];
}

type State = 'key' | 'colon' | 'value' | 'afterValue';

interface Frame {
  container: 'object' | 'array';
  start: number;
  state: State;
  /** The key whose value is being read (objects). */
  key?: string;
  /** The index of the element being read (arrays). */
  index: number;
}

function isContainer(node: Node | undefined): node is Node {
  return node?.type === 'object' || node?.type === 'array';
}

/** The last child that starts before `offset` (children are in text order). */
function lastChildBefore(children: Node[], offset: number): { child: Node; index: number } | undefined {
  let low = 0;
  let high = children.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (children[mid].offset < offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found < 0 ? undefined : { child: children[found], index: found };
}

/** The innermost container opened before `offset`, and the frames of its ancestors at that point. */
function resumePoint(root: Node | undefined, offset: number): { start: number; frames: Frame[] } {
  const frames: Frame[] = [];
  if (!isContainer(root) || root.offset >= offset) return { start: 0, frames };
  let node = root;
  for (;;) {
    const last = lastChildBefore(node.children ?? [], offset);
    if (!last) break;
    if (node.type === 'object') {
      const [keyNode, value] = last.child.children ?? [];
      if (!isContainer(value) || value.offset >= offset) break;
      frames.push({ container: 'object', start: node.offset, state: 'value', key: String(keyNode?.value), index: 0 });
      node = value;
    } else {
      if (!isContainer(last.child)) break;
      frames.push({ container: 'array', start: node.offset, state: 'value', index: last.index });
      node = last.child;
    }
  }
  return { start: node.offset, frames };
}

const WORD_END = /[\s"{}[\],]/;

/** The end of the word being typed: up to a space, a quote or a JSON delimiter (colons belong to ARNs and actions). */
function wordEnd(text: string, from: number, limit = text.length): number {
  let end = from;
  while (end < limit && !WORD_END.test(text[end])) end++;
  return end;
}

function afterValue(frame: Frame | undefined): void {
  if (frame) frame.state = 'afterValue';
}

/** Where the cursor at `offset` is, or undefined where nothing can be typed (inside a comment,
 * between a key and its missing colon, outside the root value). `root` is a parse tree that describes
 * `text` up to `treeValidUpTo`. */
export function locate(text: string, root: Node | undefined, offset: number, treeValidUpTo = text.length): CursorLocation | undefined {
  const { start, frames } = resumePoint(root, Math.min(offset, treeValidUpTo));
  const scanner = createScanner(text, false);
  scanner.setPosition(start);
  let token: CursorToken | undefined;
  let scannedAny = frames.length > 0;
  for (;;) {
    const kind = scanner.scan();
    const tokenStart = scanner.getTokenOffset();
    const tokenEnd = tokenStart + scanner.getTokenLength();
    if (kind === SyntaxKind.EOF || tokenStart >= offset) break;
    if (kind === SyntaxKind.Trivia || kind === SyntaxKind.LineBreakTrivia) continue;
    if (kind === SyntaxKind.LineCommentTrivia || kind === SyntaxKind.BlockCommentTrivia) {
      if (tokenEnd >= offset) return undefined;
      continue;
    }
    const frame = frames[frames.length - 1];
    if (kind === SyntaxKind.StringLiteral) {
      const terminated = scanner.getTokenError() !== ScanError.UnexpectedEndOfString;
      if (offset < tokenEnd || (offset === tokenEnd && !terminated)) {
        token = { offset: tokenStart, end: terminated ? tokenEnd - 1 : wordEnd(text, offset, tokenEnd), quoted: true, terminated, value: scanner.getTokenValue() };
        break;
      }
    } else if (kind === SyntaxKind.Unknown || kind === SyntaxKind.NumericLiteral || kind === SyntaxKind.TrueKeyword || kind === SyntaxKind.FalseKeyword || kind === SyntaxKind.NullKeyword) {
      // An unquoted value such as `s3:GetOb` is one word, colon included.
      const end = frame?.state === 'value' ? wordEnd(text, tokenStart) : tokenEnd;
      if (offset <= end) {
        token = { offset: tokenStart, end, quoted: false, terminated: false, value: text.slice(tokenStart, end) };
        break;
      }
    }
    scannedAny = true;
    switch (kind) {
      case SyntaxKind.OpenBraceToken:
        if (frame?.state === 'afterValue') return undefined;
        frames.push({ container: 'object', start: tokenStart, state: 'key', index: 0 });
        break;
      case SyntaxKind.OpenBracketToken:
        if (frame?.state === 'afterValue') return undefined;
        frames.push({ container: 'array', start: tokenStart, state: 'value', index: 0 });
        break;
      case SyntaxKind.CloseBraceToken:
      case SyntaxKind.CloseBracketToken:
        frames.pop();
        afterValue(frames[frames.length - 1]);
        break;
      case SyntaxKind.ColonToken:
        if (frame?.container === 'object') frame.state = 'value';
        break;
      case SyntaxKind.CommaToken:
        if (frame?.container === 'object') {
          frame.state = 'key';
          frame.key = undefined;
        } else if (frame) {
          frame.state = 'value';
          frame.index++;
        }
        break;
      case SyntaxKind.StringLiteral:
        // In an object, a string after a value with no comma starts the next member.
        if (frame?.container === 'object' && (frame.state === 'key' || frame.state === 'afterValue')) {
          frame.key = scanner.getTokenValue();
          frame.state = 'colon';
        } else afterValue(frame);
        break;
      default:
        afterValue(frame);
    }
  }
  const frame = frames[frames.length - 1];
  if (!frame) return scannedAny ? undefined : { path: [], slot: 'value', token, needsComma: false, containers: [] };
  const containers = frames.map((f) => f.start);
  const path: PathSegment[] = [];
  for (const f of frames.slice(0, -1)) path.push(f.container === 'object' ? f.key ?? '' : f.index);
  const needsComma = frame.state === 'afterValue';
  if (frame.container === 'array') return { path: [...path, frame.index + (needsComma ? 1 : 0)], slot: 'value', token, needsComma, containers };
  if (frame.state === 'value') return { path: [...path, frame.key ?? ''], slot: 'value', token, needsComma, containers };
  if (frame.state === 'colon') return undefined;
  return { path, slot: 'key', token, needsComma, containers };
}

/** The string keys of a path: `['Statement', 0, 'Action', 1]` → `['Statement', 'Action']`, so that a
 * statement given as an object or in an array, and a value given alone or in an array, read alike. */
export function keysOf(path: PathSegment[]): string[] {
  return path.filter((p): p is string => typeof p === 'string');
}

/** Where the object or array opening at `start` closes (or the end of the text if it does not). */
function containerEnd(text: string, start: number): number {
  const scanner = createScanner(text, true);
  scanner.setPosition(start);
  let depth = 0;
  for (;;) {
    const kind = scanner.scan();
    if (kind === SyntaxKind.EOF) return text.length;
    if (kind === SyntaxKind.OpenBraceToken || kind === SyntaxKind.OpenBracketToken) depth++;
    else if ((kind === SyntaxKind.CloseBraceToken || kind === SyntaxKind.CloseBracketToken) && --depth <= 0) return scanner.getPosition();
  }
}

/** A statement object parsed on its own from the current text, so that editing in a large policy
 * needs no parse of the whole document. Node offsets are relative to `base`, the statement's `{`. */
export interface LocalStatement extends Statement {
  base: number;
}

export function statementAround(text: string, loc: CursorLocation): LocalStatement | undefined {
  if (loc.path[0] !== 'Statement') return undefined;
  const base = loc.containers[typeof loc.path[1] === 'number' ? 2 : 1];
  if (base === undefined || text[base] !== '{') return undefined;
  const slice = text.slice(base, containerEnd(text, base));
  const node = tooDeepAt(slice) < 0 ? parseTree(slice) : undefined;
  if (node?.type !== 'object') return undefined;
  return { ...statementOf(node), base };
}
