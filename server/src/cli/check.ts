/** `redshift-iam check`: checks policy JSON and Redshift SQL files with the editor's language service. */
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService, matchesGlobs, type Settings } from '../service';
import type { Severity } from '../service/types';
import { ConfigError, configPath, loadConfig } from './config';
import { collectFiles, errorMessage, ioProblem, languageOfFile, readText } from './files';
import { byPosition, describePath, escapeControlCharacters, severityOf, toJson, toText, type CheckedFile } from './report';
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
    // After `--` every argument is a path, even one starting with `-`.
    if (args[i] === '--') {
      options.paths.push(...args.slice(i + 1));
      break;
    }
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
    // Globs start from the working folder, also for a settings file elsewhere (--config).
    settings = { ...loadConfig(cwd, options.config), folder: pathToFileURL(cwd).href };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`redshift-iam: ${escapeControlCharacters(error.message)}`);
    return 2;
  }

  const collected = collectFiles(options.paths.filter((p) => p !== STDIN).concat(options.paths.length ? [] : ['.']), cwd);
  problems.push(...collected.problems);
  const settingsFile = configPath(cwd, options.config);
  const inputs: { where: Pick<CheckedFile, 'display' | 'outsideUri'>; uri: string; languageId: string; read: () => string }[] = [];
  for (const raw of collected.files) {
    const path = raw.toString();
    const uri = pathToFileURL(path).href;
    // In the command line `exclude` skips SQL files too, so that a folder can be left out of CI entirely.
    if (path === settingsFile || matchesGlobs(uri, settings.exclude, settings.folder)) continue;
    inputs.push({ where: describePath(cwd, path), uri, languageId: languageOfFile(path) ?? 'json', read: () => readText(raw) });
  }
  if (options.paths.includes(STDIN)) {
    inputs.push({ where: { display: '<stdin>' }, uri: 'untitled:stdin', languageId: options.language!, read: () => readText(0) });
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
    // One file the service fails on must not lose the other files' findings.
    try {
      if (!service.classify(doc, settings)) continue;
      checked.push({ ...input.where, diagnostics: service.validate(doc, settings).sort(byPosition) });
    } catch (error) {
      problems.push(`${input.where.display}: could not be checked: ${errorMessage(error)}`);
    }
  }

  for (const problem of problems) console.error(`redshift-iam: ${escapeControlCharacters(problem)}`);
  if (options.format === 'text') console.log(toText(checked));
  else console.log(JSON.stringify(options.format === 'json' ? toJson(checked) : toSarif(checked), null, 2));

  if (problems.length) return 2;
  const failing = new Set(options.failOn === 'none' ? [] : SEVERITY_ORDER.slice(0, SEVERITY_ORDER.indexOf(options.failOn) + 1));
  return checked.some((file) => file.diagnostics.some((d) => failing.has(severityOf(d)))) ? 1 : 0;
}
