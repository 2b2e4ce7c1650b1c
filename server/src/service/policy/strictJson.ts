/** A parser for the common case, a well-formed policy. It builds the nodes jsonc-parser's `parseTree`
 * builds, in a third to a half of its time, and counts the whitespace between them. At the first thing
 * strict JSON does not allow (a comment, a trailing comma, a control character, a bad escape, other
 * whitespace) it gives up (undefined): the caller then runs `parseTree`, which recovers and reports. */
import type { Node } from 'jsonc-parser';
import { BACKSLASH, CLOSE_BRACE, CLOSE_BRACKET, COLON, COMMA, OPEN_BRACE, OPEN_BRACKET, QUOTE } from '../charCodes';

const LITERAL = /true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** How deep objects and arrays may nest. A policy needs six levels (Statement, a statement, Condition,
 * an operator, a key, its values); far deeper, a parser that recurses at every level (this one, and
 * jsonc-parser's) overflows the stack. */
export const MAX_NESTING = 64;

/** Thrown (and caught below) where the text is not strict JSON. */
const NOT_STRICT = new Error('not strict JSON');

/** A node while it is built: its length and colon are set once its value is read. */
type Building = { -readonly [K in keyof Node]: Node[K] };

export interface StrictParse {
  root: Node;
  /** How many characters of whitespace lie between the tokens. */
  whitespace: number;
  /** The key nodes that repeat a key of an earlier property of their object. */
  repeatedKeys: Node[];
}

/** Objects of a policy hold a few keys. */
const FEW_KEYS = 16;

/** Adds to `into` each key node among an object's properties that repeats the key of an earlier one. */
export function addRepeatedKeys(properties: readonly Node[], into: Node[]): void {
  const keyOf = (k: number): Node | undefined => {
    const key = properties[k].children?.[0];
    return key?.type === 'string' ? key : undefined;
  };
  if (properties.length <= FEW_KEYS) {
    // Comparing each key with the ones before it beats building a set.
    for (let k = 1; k < properties.length; k++) {
      const key = keyOf(k);
      for (let j = 0; key && j < k; j++) {
        if (keyOf(j)?.value === key.value) {
          into.push(key);
          break;
        }
      }
    }
    return;
  }
  const seen = new Set<string>();
  for (let k = 0; k < properties.length; k++) {
    const key = keyOf(k);
    if (!key) continue;
    if (seen.has(key.value)) into.push(key);
    seen.add(key.value);
  }
}

export function parseStrictJson(text: string): StrictParse | undefined {
  const end = text.length;
  let i = 0;
  let whitespace = 0;
  let depth = 0;
  // Found while the objects are read, so that no rule walks the whole tree again for them.
  const repeatedKeys: Node[] = [];

  function skipWhitespace(): void {
    const start = i;
    for (let c = text.charCodeAt(i); c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09; c = text.charCodeAt(++i));
    whitespace += i - start;
  }

  function string(parent: Node): Node {
    const start = i;
    let escaped = false;
    for (i++; ; i++) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) break;
      if (c === BACKSLASH) {
        escaped = true;
        i++;
      } else if (c < 0x20 || i >= end) throw NOT_STRICT; // control characters, and the end of the text (NaN)
    }
    i++;
    // JSON.parse decodes escapes as parseTree does, and throws on a bad one.
    const value = escaped ? JSON.parse(text.slice(start, i)) as string : text.slice(start + 1, i - 1);
    return { type: 'string', value, offset: start, length: i - start, parent };
  }

  function value(parent: Node | undefined): Node {
    skipWhitespace();
    const c = text.charCodeAt(i);
    if (c === QUOTE) return string(parent!);
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > MAX_NESTING) throw NOT_STRICT;
      const node = c === OPEN_BRACE ? object(parent) : array(parent);
      depth--;
      return node;
    }
    LITERAL.lastIndex = i;
    const literal = LITERAL.exec(text)?.[0];
    if (!literal) throw NOT_STRICT;
    const offset = i;
    i += literal.length;
    const node: Node = literal === 'null' ? { type: 'null', value: null, offset, length: 4, parent: parent! }
      : literal === 'true' || literal === 'false' ? { type: 'boolean', value: literal === 'true', offset, length: literal.length, parent: parent! }
        : { type: 'number', value: Number(literal), offset, length: literal.length, parent: parent! };
    return node;
  }

  /** The children of the objects and arrays being read, innermost last: each node takes its own as an
   * array of exactly their number. Arrays grown by `push` reserve room for 17 elements at their first
   * one, and a policy's tree, which the checks keep, is mostly small objects and two-element properties. */
  const pending: Node[] = [];

  function object(parent: Node | undefined): Node {
    const node: Building = { type: 'object', offset: i, length: -1, parent: parent!, children: undefined };
    const base = pending.length;
    i++;
    skipWhitespace();
    if (text.charCodeAt(i) !== CLOSE_BRACE) {
      for (;;) {
        skipWhitespace();
        if (text.charCodeAt(i) !== QUOTE) throw NOT_STRICT;
        const property: Building = { type: 'property', offset: i, length: -1, parent: node, children: undefined, colonOffset: -1 };
        const key = string(property);
        skipWhitespace();
        if (text.charCodeAt(i) !== COLON) throw NOT_STRICT;
        property.colonOffset = i++;
        const member = value(property);
        property.children = [key, member];
        property.length = member.offset + member.length - property.offset;
        pending.push(property);
        skipWhitespace();
        if (text.charCodeAt(i) !== COMMA) break;
        i++;
      }
      if (text.charCodeAt(i) !== CLOSE_BRACE) throw NOT_STRICT;
    }
    i++;
    node.length = i - node.offset;
    node.children = takePending(base);
    if (node.children.length > 1) addRepeatedKeys(node.children, repeatedKeys);
    return node;
  }

  function array(parent: Node | undefined): Node {
    const node: Building = { type: 'array', offset: i, length: -1, parent: parent!, children: undefined };
    const base = pending.length;
    i++;
    skipWhitespace();
    if (text.charCodeAt(i) !== CLOSE_BRACKET) {
      for (;;) {
        pending.push(value(node));
        skipWhitespace();
        if (text.charCodeAt(i) !== COMMA) break;
        i++;
      }
      if (text.charCodeAt(i) !== CLOSE_BRACKET) throw NOT_STRICT;
    }
    i++;
    node.length = i - node.offset;
    node.children = takePending(base);
    return node;
  }

  /** The children pushed since `base`, removed from `pending`. */
  function takePending(base: number): Node[] {
    const children = pending.slice(base);
    pending.length = base;
    return children;
  }

  try {
    const root = value(undefined);
    skipWhitespace();
    if (i !== end) return undefined;
    delete (root as Partial<Building>).parent; // as parseTree leaves its root
    return { root, whitespace, repeatedKeys };
  } catch {
    // Not strict JSON, or nested deeper than MAX_NESTING: the caller decides.
    return undefined;
  }
}
