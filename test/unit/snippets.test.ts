/** Every snippet, its placeholders filled with their defaults (a choice with each of its options),
 * passes the checker with no error or warning. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { chainProblem, chainRoles } from '../../server/src/service/generators/inputs';
import { ruleMeta } from '../../server/src/service/rules';
import { findingsOf, ROOT } from '../helpers';

interface Snippet { prefix: string | string[]; description: string; body: string | string[] }

type Node = { text: string } | { tabstop: number } | { placeholder: number; children: Node[] } | { choice: number; options: string[] };

/** Parses TextMate snippet syntax: `$1`, `${1}`, `${1:default}` (nested), `${1|a,b|}`, `\$ \} \\` escapes. */
function parseSnippet(body: string): Node[] {
  let i = 0;
  function sequence(inPlaceholder: boolean): Node[] {
    const nodes: Node[] = [];
    let text = '';
    const flush = () => { if (text) nodes.push({ text }); text = ''; };
    while (i < body.length) {
      const c = body[i];
      if (c === '\\' && i + 1 < body.length && '$}\\'.includes(body[i + 1])) {
        text += body[i + 1];
        i += 2;
      } else if (c === '}' && inPlaceholder) {
        break;
      } else if (c === '$' && /\d/.test(body[i + 1] ?? '')) {
        flush();
        const m = /^\d+/.exec(body.slice(i + 1))!;
        nodes.push({ tabstop: Number(m[0]) });
        i += 1 + m[0].length;
      } else if (c === '$' && body[i + 1] === '{') {
        flush();
        const m = /^\d+/.exec(body.slice(i + 2));
        assert.ok(m, `only numbered placeholders are used: ${body.slice(i, i + 20)}`);
        const index = Number(m[0]);
        i += 2 + m[0].length;
        if (body[i] === '}') {
          nodes.push({ tabstop: index });
          i++;
        } else if (body[i] === ':') {
          i++;
          nodes.push({ placeholder: index, children: sequence(true) });
          assert.equal(body[i], '}', 'placeholder closed');
          i++;
        } else if (body[i] === '|') {
          const end = body.indexOf('|}', i + 1);
          nodes.push({ choice: index, options: body.slice(i + 1, end).split(/(?<!\\),/).map((o) => o.replace(/\\(.)/g, '$1')) });
          i = end + 2;
        } else {
          assert.fail(`bad placeholder at ${i}: ${body.slice(i - 5, i + 10)}`);
        }
      } else {
        text += c;
        i++;
      }
    }
    flush();
    return nodes;
  }
  const nodes = sequence(false);
  assert.equal(i, body.length, 'the whole body parses');
  return nodes;
}

/** The text after accepting every default; `picks` chooses an option of a choice by its index. */
function expand(nodes: Node[], picks: Map<number, string> = new Map()): string {
  const values = new Map<number, string>();
  const render = (list: Node[]): string => list.map((n) => {
    if ('text' in n) return n.text;
    if ('choice' in n) return remember(n.choice, picks.get(n.choice) ?? n.options[0]);
    if ('placeholder' in n) return remember(n.placeholder, render(n.children));
    return values.get(n.tabstop) ?? '';
  }).join('');
  const remember = (index: number, value: string) => {
    if (!values.has(index)) values.set(index, value);
    return values.get(index)!;
  };
  // Two passes: a bare `$N` before its `${N:default}` mirrors the default.
  render(nodes);
  return render(nodes);
}

function choicesOf(nodes: Node[]): { choice: number; options: string[] }[] {
  return nodes.flatMap((n) => ('choice' in n ? [n] : 'placeholder' in n ? choicesOf(n.children) : []));
}

function loadSnippets(file: string): [string, Snippet][] {
  return Object.entries(JSON.parse(readFileSync(join(ROOT, 'snippets', file), 'utf8')) as Record<string, Snippet>);
}

function seriousFindings(text: string, languageId: string): string[] {
  return findingsOf(text, languageId, `file:///snippets/expanded.${languageId}`)
    .filter((f) => ['error', 'warning'].includes(ruleMeta(f.rule)?.severity ?? 'error'))
    .map((f) => `${f.where} ${f.rule} ${f.message}`);
}

/** Every expansion of a snippet: all defaults, then each option of each choice in turn. */
function expansions(body: string): string[] {
  const nodes = parseSnippet(body);
  const texts = [expand(nodes)];
  for (const { choice, options } of choicesOf(nodes)) for (const option of options.slice(1)) texts.push(expand(nodes, new Map([[choice, option]])));
  return texts;
}

function bodyText(snippet: Snippet): string {
  return Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body;
}

function checkShape(name: string, snippet: Snippet): void {
  const prefixes = Array.isArray(snippet.prefix) ? snippet.prefix : [snippet.prefix];
  assert.ok(prefixes.length > 0 && prefixes.every((p) => /^[a-z][a-z0-9-]*$/.test(p)), `${name}: prefixes`);
  assert.ok(snippet.description.length > 20 && snippet.description.endsWith('.'), `${name}: description`);
  const nodes = parseSnippet(bodyText(snippet));
  assert.ok(nodes.some((n) => !('text' in n) && !('tabstop' in n && n.tabstop === 0)), `${name}: has tab stops`);
}

describe('policy snippets', () => {
  const snippets = loadSnippets('policy.json');
  it('cover the skeleton, a statement, the Redshift trust variants and both chain hops', () => {
    assert.deepEqual(snippets.map(([, s]) => ([] as string[]).concat(s.prefix)[0]), [
      'iam-policy', 'iam-statement', 'redshift-trust', 'redshift-trust-dbusers', 'redshift-trust-regions', 'redshift-trust-source-arn', 'chain-permission', 'chain-trust',
    ]);
  });
  for (const [name, snippet] of snippets) {
    it(`${name}: expands to a policy with no error or warning`, () => {
      checkShape(name, snippet);
      for (const text of expansions(bodyText(snippet))) {
        const value = JSON.parse(text);
        // A statement snippet is checked inside a policy.
        const policy = 'Statement' in value ? text : JSON.stringify({ Version: '2012-10-17', Statement: [value] }, null, 2);
        for (const language of ['json', 'jsonc']) assert.deepEqual(seriousFindings(policy, language), [], policy);
      }
    });
  }
});

describe('SQL snippets', () => {
  const snippets = loadSnippets('redshift.json');
  const statements = ['COPY', 'UNLOAD', 'CREATE EXTERNAL SCHEMA', 'CREATE EXTERNAL FUNCTION', 'CREATE MODEL'];
  it('cover every statement with one role, the default role and (but CREATE MODEL) a chain', () => {
    for (const statement of statements) {
      const bodies = snippets.map(([, s]) => bodyText(s)).filter((b) => b.startsWith(statement));
      assert.equal(bodies.filter((b) => /IAM_ROLE default\b/.test(b)).length, 1, statement);
      assert.equal(bodies.filter((b) => /IAM_ROLE '[^',]+'/.test(b)).length, 1, statement);
      assert.equal(bodies.filter((b) => /IAM_ROLE '[^']*,[^']*'/.test(b)).length, statement === 'CREATE MODEL' ? 0 : 1, statement);
    }
  });
  for (const [name, snippet] of snippets) {
    it(`${name}: expands to SQL with no error or warning and a well-formed role chain`, () => {
      checkShape(name, snippet);
      for (const text of expansions(bodyText(snippet))) {
        assert.deepEqual(seriousFindings(text, 'sql'), [], text);
        const roles = /IAM_ROLE '([^']*)'/.exec(text)?.[1];
        if (roles !== undefined) assert.equal(chainProblem(chainRoles(roles)), undefined, text);
        else assert.match(text, /IAM_ROLE default/);
      }
    });
  }
});

describe('snippet expansion', () => {
  it('takes defaults, first choices, nested placeholders, mirrors and escapes', () => {
    assert.equal(expand(parseSnippet('a ${1:x${2:y}} $2 ${3|p,q|} $1 \\$ $0')), 'a xy y p xy $ ');
    assert.equal(expand(parseSnippet('${1|p,q|}'), new Map([[1, 'q']])), 'q');
  });
});
