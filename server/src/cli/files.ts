/** Which files `check` reads: the files named on the command line, and the policy and SQL files in the
 * folders named there, minus node_modules, .git and what .gitignore files ignore. */
import { existsSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { isIgnored, parseGitignore, type IgnoreFile } from './gitignore';

const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/** The language a file is checked as, from its extension; undefined for files a folder walk skips. */
export function languageOfFile(path: string): 'json' | 'jsonc' | 'sql' | undefined {
  const extension = /\.(json|jsonc|sql)$/i.exec(path)?.[1].toLowerCase();
  return extension as 'json' | 'jsonc' | 'sql' | undefined;
}

/** A file or folder that could not be read, as one line for the user. */
export function ioProblem(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason = code === 'ENOENT' ? 'no such file or folder'
    : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
    : code === 'ELOOP' ? 'too many levels of symbolic links'
    : code === 'EISDIR' ? 'is a folder'
    : error instanceof Error ? error.message.split('\n')[0] : String(error);
  return `${path}: ${reason}`;
}

const slashed = (path: string) => (sep === '/' ? path : path.split(sep).join('/'));

export interface Collected {
  /** Absolute paths, in command-line order, each folder's files sorted by name, no duplicates. */
  files: string[];
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
  return chain.flatMap((f) => readIgnoreFile(f) ?? []);
}

function readIgnoreFile(folder: string, problems?: string[]): IgnoreFile | undefined {
  const path = join(folder, '.gitignore');
  try {
    return parseGitignore(slashed(folder), readFileSync(path, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') problems?.push(ioProblem(path, error));
    return undefined;
  }
}

export function collectFiles(paths: string[], cwd: string): Collected {
  const files: string[] = [];
  const seen = new Set<string>();
  const problems: string[] = [];
  const add = (file: string) => {
    if (!seen.has(file)) {
      seen.add(file);
      files.push(file);
    }
  };

  function walk(folder: string, inherited: IgnoreFile[]): void {
    const own = readIgnoreFile(folder, problems);
    const ignoreFiles = own ? [...inherited, own] : inherited;
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (error) {
      problems.push(ioProblem(folder, error));
      return;
    }
    for (const entry of entries) {
      if (SKIPPED_FOLDERS.has(entry.name)) continue;
      const path = join(folder, entry.name);
      let isFolder = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        // Linked files are checked; linked folders are not followed, as git does not follow them.
        if (!languageOfFile(entry.name)) continue;
        try {
          isFolder = statSync(path).isDirectory();
        } catch (error) {
          problems.push(ioProblem(path, error));
          continue;
        }
        if (isFolder) continue;
      } else if (!isFolder && !entry.isFile()) continue;
      if (!isFolder && !languageOfFile(entry.name)) continue;
      if (isIgnored(ignoreFiles, slashed(path), isFolder)) continue;
      if (isFolder) walk(path, ignoreFiles);
      else add(path);
    }
  }

  for (const given of paths) {
    const path = resolve(cwd, given);
    let isFolder: boolean;
    try {
      isFolder = statSync(path).isDirectory();
    } catch (error) {
      problems.push(ioProblem(given, error));
      continue;
    }
    if (isFolder) walk(path, ancestorIgnoreFiles(path));
    else add(path);
  }
  return { files, problems };
}
