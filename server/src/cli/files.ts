/** Which files `check` reads: the files named on the command line, and the policy and SQL files in the
 * folders named there, minus node_modules, .git and what .gitignore files ignore. */
import { existsSync, readdirSync, readFileSync, statSync, type Dirent, type PathLike, type Stats } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { isIgnored, parseGitignore, type IgnoreFile } from './gitignore';
import { describePath } from './report';

const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);
const SEP = Buffer.from(sep);
const GITIGNORE = Buffer.from('.gitignore');

/** The language a file is checked as, from its extension; undefined for files a folder walk skips. */
export function languageOfFile(path: string): 'json' | 'jsonc' | 'sql' | undefined {
  const extension = /\.(json|jsonc|sql)$/i.exec(path)?.[1].toLowerCase();
  return extension as 'json' | 'jsonc' | 'sql' | undefined;
}

/** A file's text (`0`: standard input) without a leading byte-order mark, which editors do not show
 * or count in positions. */
export function readText(file: PathLike | number): string {
  return readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
}

/** The first line of an error's message. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0] : String(error);
}

/** A file or folder that could not be read, as one line for the user. */
export function ioProblem(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason = code === 'ENOENT' ? 'no such file or folder'
    : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
    : code === 'ELOOP' ? 'too many levels of symbolic links'
    : code === 'EISDIR' ? 'is a folder'
    : errorMessage(error);
  return `${path}: ${reason}`;
}

const slashed = (path: string) => (sep === '/' ? path : path.split(sep).join('/'));

/** `name` in `folder`, as bytes: a name read from the disk need not be valid UTF-8. */
function child(folder: Buffer, name: Buffer): Buffer {
  return Buffer.concat(folder.toString().endsWith(sep) ? [folder, name] : [folder, SEP, name]);
}

export interface Collected {
  /** Absolute paths as bytes, in command-line order, each folder's files sorted by name, no duplicates.
   * As text (`toString()`), a name that is not valid UTF-8 has U+FFFD in place of its invalid bytes. */
  files: Buffer[];
  problems: string[];
}

/** The .gitignore files above `folder` up to the top of its git work tree (the folder holding `.git`).
 * Without a work tree above it, none: only the walked folders' own files apply. */
function ancestorIgnoreFiles(folder: string): IgnoreFile[] {
  if (existsSync(join(folder, '.git'))) return [];
  const chain: string[] = [];
  for (let current = dirname(folder); ; current = dirname(current)) {
    chain.unshift(current);
    if (existsSync(join(current, '.git'))) break;
    if (dirname(current) === current) return [];
  }
  return chain.flatMap((f) => readIgnoreFile(Buffer.from(f)) ?? []);
}

function readIgnoreFile(folder: Buffer, onError?: (path: Buffer, error: unknown) => void): IgnoreFile | undefined {
  const path = child(folder, GITIGNORE);
  try {
    return parseGitignore(slashed(folder.toString()), readText(path));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') onError?.(path, error);
    return undefined;
  }
}

export function collectFiles(paths: string[], cwd: string): Collected {
  const files: Buffer[] = [];
  const seen = new Set<string>();
  const problems: string[] = [];
  const add = (file: Buffer) => {
    // latin1 maps bytes to characters one to one, so that two names differing only in invalid bytes stay apart.
    const key = file.toString('latin1');
    if (!seen.has(key)) {
      seen.add(key);
      files.push(file);
    }
  };
  const problem = (path: Buffer, error: unknown) => problems.push(ioProblem(describePath(cwd, path.toString()).display, error));
  const linksToFile = (link: Buffer) => {
    try {
      return statSync(link).isFile();
    } catch (error) {
      problem(link, error);
      return false;
    }
  };

  function walk(folder: Buffer, inherited: IgnoreFile[]): void {
    const own = readIgnoreFile(folder, problem);
    const ignoreFiles = own ? [...inherited, own] : inherited;
    let entries: Dirent<Buffer>[];
    try {
      entries = readdirSync(folder, { withFileTypes: true, encoding: 'buffer' }).sort((a, b) => Buffer.compare(a.name, b.name));
    } catch (error) {
      problem(folder, error);
      return;
    }
    for (const entry of entries) {
      const name = entry.name.toString();
      if (SKIPPED_FOLDERS.has(name)) continue;
      const path = child(folder, entry.name);
      const isFolder = entry.isDirectory();
      if (!isFolder && !languageOfFile(name)) continue;
      // Git does not follow symbolic links: a link is ignored as a file, whatever it points to (or not).
      if (isIgnored(ignoreFiles, slashed(path.toString()), isFolder)) continue;
      if (isFolder) walk(path, ignoreFiles);
      // Linked files are checked; linked folders, FIFOs, sockets and devices are not.
      else if (entry.isFile() || (entry.isSymbolicLink() && linksToFile(path))) add(path);
    }
  }

  for (const given of paths) {
    const path = resolve(cwd, given);
    let stats: Stats;
    try {
      stats = statSync(path);
    } catch (error) {
      problems.push(ioProblem(given, error));
      continue;
    }
    // Reading a FIFO or a device could wait for ever.
    if (stats.isDirectory()) walk(Buffer.from(path), ancestorIgnoreFiles(path));
    else if (stats.isFile()) add(Buffer.from(path));
    else problems.push(`${given}: not a regular file`);
  }
  return { files, problems };
}
