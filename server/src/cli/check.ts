/** `redshift-iam check`: checks policy JSON and Redshift SQL files with the editor's language service. */
import { readFileSync } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService, type Settings } from '../service';
import { globToRegExp } from '../service/text';
import type { Severity } from '../service/types';
import { ConfigError, loadConfig } from './config';
import { collectFiles, ioProblem, languageOfFile } from './files';
import { byPosition, severityOf, toJson, toText, type CheckedFile } from './report';
import { toSarif } from './sarif';
import { loadCatalog, USAGE, UsageError } from './usage';

const FORMATS = ['text', 'json', 'sarif'] as const;
const FAIL_ON = ['error', 'warning', 'information', 'none'] as const;
const STDIN_LANGUAGES = ['json', 'sql'] as const;
/** Severities in decreasing order: `--fail-on X` fails on X and everything before it. */
const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'information', 'hint'];
const STDIN = '-';

interface CheckOptions {
  format: (typeof FORMATS)[number];
  failOn: (typeof FAIL_ON)[number];
  config?: string;
  language?: (typeof STDIN_LANGUAGES)[number];
  paths: string[];
  help?: boolean;
}

function oneOf<T extends string>(option: string, value: string | undefined, allowed: readonly T[]): T {
  if (value === undefined || !allowed.includes(value as T)) {
    throw new UsageError(`${option} takes ${allowed.join(', ')}${value === undefined ? '' : `, not "${value}"`}`);
  }
  return value as T;
}

function parseCheckArgs(args: string[]): CheckOptions {
  const options: CheckOptions = { format: 'text', failOn: 'error', paths: [] };
  for (let i = 0; i < args.length; i++) {
    // `--option=value` and `--option value` are the same.
    const equals = args[i].startsWith('--') ? args[i].indexOf('=') : -1;
    const arg = equals < 0 ? args[i] : args[i].slice(0, equals);
    const value = () => (equals < 0 ? args[++i] : args[i].slice(equals + 1));
    if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg === '--format') options.format = oneOf(arg, value(), FORMATS);
    else if (arg === '--fail-on') options.failOn = oneOf(arg, value(), FAIL_ON);
    else if (arg === '--language') options.language = oneOf(arg, value(), STDIN_LANGUAGES);
    else if (arg === '--config') {
      options.config = value();
      if (!options.config) throw new UsageError('--config takes a file name');
    } else if (arg === STDIN || !arg.startsWith('-')) options.paths.push(arg);
    else throw new UsageError(`unknown option ${arg}`);
  }
  if (options.help) return options;
  const stdinCount = options.paths.filter((p) => p === STDIN).length;
  if (stdinCount > 1) throw new UsageError('"-" (standard input) can be given only once');
  if (stdinCount && !options.language) throw new UsageError('"-" (standard input) needs --language json or --language sql');
  if (!stdinCount && options.language) throw new UsageError('--language applies only to "-" (standard input)');
  return options;
}

/** The path as shown: relative to the working folder, `/`-separated; outside it, its file URI too. */
function describePath(cwd: string, path: string): Pick<CheckedFile, 'display' | 'outsideUri'> {
  const rel = relative(cwd, path);
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return { display: path.split(sep).join('/'), outsideUri: pathToFileURL(path).href };
  return { display: rel.split(sep).join('/') };
}

export function check(args: string[]): number {
  const options = parseCheckArgs(args);
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  const cwd = process.cwd();
  const problems: string[] = [];
  let settings: Settings;
  try {
    settings = loadConfig(cwd, options.config);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`redshift-iam: ${error.message}`);
    return 2;
  }

  const collected = collectFiles(options.paths.filter((p) => p !== STDIN).concat(options.paths.length ? [] : ['.']), cwd);
  problems.push(...collected.problems);
  // In the command line `exclude` skips SQL files too, so that a folder can be left out of CI entirely.
  const excludes = (settings.exclude ?? []).map(globToRegExp);
  const inputs: { where: Pick<CheckedFile, 'display' | 'outsideUri'>; uri: string; languageId: string; read: () => string }[] = [];
  for (const path of collected.files) {
    if (excludes.some((re) => re.test(path.split(sep).join('/')))) continue;
    inputs.push({ where: describePath(cwd, path), uri: pathToFileURL(path).href, languageId: languageOfFile(path) ?? 'json', read: () => readFileSync(path, 'utf8') });
  }
  if (options.paths.includes(STDIN)) {
    inputs.push({ where: { display: '<stdin>' }, uri: 'untitled:stdin', languageId: options.language!, read: () => readFileSync(0, 'utf8') });
  }

  const service = createLanguageService({ catalog: loadCatalog() });
  const checked: CheckedFile[] = [];
  for (const input of inputs) {
    let text: string;
    try {
      text = input.read();
    } catch (error) {
      problems.push(ioProblem(input.where.display, error));
      continue;
    }
    const doc = TextDocument.create(input.uri, input.languageId, 1, text);
    if (!service.classify(doc, settings)) continue;
    checked.push({ ...input.where, diagnostics: service.validate(doc, settings).sort(byPosition) });
  }

  for (const problem of problems) console.error(`redshift-iam: ${problem}`);
  if (options.format === 'text') console.log(toText(checked));
  else console.log(JSON.stringify(options.format === 'json' ? toJson(checked) : toSarif(checked), null, 2));

  if (problems.length) return 2;
  const failing = new Set(options.failOn === 'none' ? [] : SEVERITY_ORDER.slice(0, SEVERITY_ORDER.indexOf(options.failOn) + 1));
  return checked.some((file) => file.diagnostics.some((d) => failing.has(severityOf(d)))) ? 1 : 0;
}
