/** The command line's settings file: `.redshift-iam.json` in the working folder, or `--config FILE`.
 * Same keys as the editor settings without the `redshiftIam.` prefix: rules, include, exclude, kinds, maxStatements. */
import { resolve } from 'node:path';
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Settings } from '../service';
import { ALL_RULES } from '../service/rules';
import { didYouMean } from '../service/text';
import { ioProblem, readText } from './files';

export const CONFIG_FILE = '.redshift-iam.json';

const SEVERITY_SETTINGS = ['off', 'error', 'warning', 'information', 'hint'];
const KINDS = ['trust', 'identity', 'resource'];
const KEYS = ['rules', 'include', 'exclude', 'kinds', 'maxStatements'];

/** A settings file that cannot be read or is not valid: one line naming the file and, when known, the line. */
export class ConfigError extends Error {}

/** The settings file in use: `explicitPath` (relative to `cwd`) if given, else CONFIG_FILE in `cwd`. */
export function configPath(cwd: string, explicitPath?: string): string {
  return resolve(cwd, explicitPath ?? CONFIG_FILE);
}

/** The settings: from `explicitPath` (relative to `cwd`) if given, which must exist; else from
 * CONFIG_FILE in `cwd` if present. */
export function loadConfig(cwd: string, explicitPath?: string): Settings {
  const shown = explicitPath ?? CONFIG_FILE;
  let text: string;
  try {
    text = readText(configPath(cwd, explicitPath));
  } catch (error) {
    if (!explicitPath && (error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new ConfigError(ioProblem(shown, error));
  }
  return parseConfig(text, shown);
}

/** Splits `CloseBraceExpected` into `close brace expected`. */
function describeParseError(e: ParseError): string {
  return printParseErrorCode(e.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

export function parseConfig(text: string, shown: string): Settings {
  const doc = TextDocument.create('config', 'json', 1, text);
  const fail = (offset: number, problem: string): never => {
    throw new ConfigError(`${shown}:${doc.positionAt(offset).line + 1}: ${problem}`);
  };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false });
  if (errors.length) fail(errors[0].offset, `invalid JSON: ${describeParseError(errors[0])}.`);
  if (root?.type !== 'object') return fail(root?.offset ?? 0, 'the settings must be a JSON object.');

  const stringList = (node: Node, name: string): string[] => {
    if (node.type === 'null') return [];
    if (node.type !== 'array') return fail(node.offset, `"${name}" must be an array of glob strings.`);
    return (node.children ?? []).map((c) => (c.type === 'string' ? String(c.value) : fail(c.offset, `"${name}" must hold only glob strings.`)));
  };
  const entries = (node: Node, name: string): [string, Node, Node][] => {
    if (node.type === 'null') return [];
    if (node.type !== 'object') return fail(node.offset, `"${name}" must be an object.`);
    return (node.children ?? []).map((p) => [String(p.children![0].value), p.children![0], p.children![1]]);
  };

  const settings: Settings = {};
  for (const [key, keyNode, value] of entries(root, 'settings')) {
    if (key === 'rules') {
      settings.rules = {};
      for (const [id, idNode, severity] of entries(value, 'rules')) {
        if (!ALL_RULES.some((r) => r.id === id)) {
          const suggestion = didYouMean(id, ALL_RULES.map((r) => r.id));
          fail(idNode.offset, `unknown rule "${id}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}.`);
        }
        if (severity.type !== 'string' || !SEVERITY_SETTINGS.includes(String(severity.value))) {
          fail(severity.offset, `the severity of "${id}" must be one of ${SEVERITY_SETTINGS.join(', ')}.`);
        }
        settings.rules[id] = severity.value;
      }
    } else if (key === 'include' || key === 'exclude') {
      settings[key] = stringList(value, key);
    } else if (key === 'kinds') {
      settings.kinds = {};
      for (const [kind, kindNode, globs] of entries(value, 'kinds')) {
        if (!KINDS.includes(kind)) fail(kindNode.offset, `unknown policy kind "${kind}" (expected ${KINDS.join(', ')}).`);
        settings.kinds[kind as keyof typeof settings.kinds] = stringList(globs, `kinds.${kind}`);
      }
    } else if (key === 'maxStatements') {
      // null means the default, as in the editor setting.
      const valid = value.type === 'null' || (value.type === 'number' && Number.isInteger(value.value) && value.value >= 1);
      if (!valid) fail(value.offset, 'maxStatements must be a whole number of at least 1, or null.');
      settings.maxStatements = value.value;
    } else {
      const suggestion = didYouMean(key.replace(/^redshiftIam\./, ''), KEYS);
      fail(keyNode.offset, `unknown setting "${key}" (expected ${suggestion ? `"${suggestion}"` : KEYS.join(', ')}).`);
    }
  }
  return settings;
}
