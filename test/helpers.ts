/** Shared by the unit tests: the built catalogue, a service, documents and fixture expectations. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Catalog, createLanguageService, type LanguageService, type Settings } from '../server/src/service';
import type { Finding, Fix } from '../server/src/service/types';

export const ROOT = join(__dirname, '..');
export const FIXTURES = join(ROOT, 'test', 'fixtures');

let service: LanguageService | undefined;

/** The service over dist/catalog.json (run `npm run build` first). Rule errors fail the test. */
export function getService(): LanguageService {
  const path = join(ROOT, 'dist', 'catalog.json');
  if (!existsSync(path)) throw new Error('dist/catalog.json is missing: run `npm run build` first.');
  service ??= createLanguageService({
    catalog: new Catalog(JSON.parse(readFileSync(path, 'utf8'))),
    onRuleError: (id, error) => { throw new Error(`rule ${id} threw: ${error instanceof Error ? error.stack : error}`); },
  });
  return service;
}

export function languageOfPath(path: string): string {
  return path.endsWith('.sql') ? 'sql' : path.endsWith('.jsonc') ? 'jsonc' : 'json';
}

export function documentOf(text: string, languageId = 'json', uri = 'file:///test/policy.json'): TextDocument {
  return TextDocument.create(uri, languageId, 1, text);
}

/** Findings of a text, with 1-based `line:col-line:col` ranges as fixtures write them. */
export function findingsOf(text: string, languageId = 'json', uri?: string, settings?: Settings): (Finding & { where: string })[] {
  const doc = documentOf(text, languageId, uri);
  return getService().findings(doc, settings).map((f) => {
    // Positions clamp offsets to the text: a finding past its end would pass unseen without this.
    assert.ok(f.offset >= 0 && f.length >= 0 && f.offset + f.length <= text.length, `${f.rule} at ${f.offset}+${f.length} is outside the ${text.length} characters of the text`);
    const s = doc.positionAt(f.offset);
    const e = doc.positionAt(f.offset + f.length);
    return { ...f, where: `${s.line + 1}:${s.character + 1}-${e.line + 1}:${e.character + 1}` };
  });
}

/** The text after a fix's edits (offsets of the text before it). */
export function applyFix(text: string, fix: Fix): string {
  return [...fix.edits].sort((a, b) => b.offset - a.offset)
    .reduce((out, e) => out.slice(0, e.offset) + e.newText + out.slice(e.offset + e.length), text);
}

export interface Expectation { where: string; rule: string; message?: string }

/** Parses a `.expected` sidecar: one `line:col-line:col rule-id [message fragment]` per line, `#` comments. */
export function parseExpectations(text: string): Expectation[] {
  return text.split('\n').map((l) => l.replace(/#.*$/, '').trim()).filter(Boolean).map((line) => {
    const m = /^(\d+:\d+-\d+:\d+)\s+(\S+)(?:\s+(.+))?$/.exec(line);
    if (!m) throw new Error(`bad expectation line: ${line}`);
    return { where: m[1], rule: m[2], message: m[3] };
  });
}
