/** The common subset of .gitignore patterns: comments, blank lines, `!` negation, trailing `/` for
 * folders only, `/` anchoring, `*`, `**`, `?` and `[...]` classes. Each file applies to its own folder
 * and below; a deeper file and a later line win, as in git. */

export interface IgnorePattern {
  regExp: RegExp;
  negated: boolean;
  foldersOnly: boolean;
  /** Without an inner `/`, the pattern matches the name at any depth; otherwise the path from the file's folder. */
  anchored: boolean;
}

/** One .gitignore file: its folder (absolute, `/`-separated) and its patterns in file order. */
export interface IgnoreFile {
  folder: string;
  patterns: IgnorePattern[];
}

function patternBody(glob: string): string {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '\\' && i + 1 < glob.length) {
      re += escapeChar(glob[++i]);
    } else if (c === '*' && glob[i + 1] === '*' && (i === 0 || glob[i - 1] === '/') && (i + 2 === glob.length || glob[i + 2] === '/')) {
      // `**` as a whole segment: any number of folders (a leading `**/` also matches none, a trailing `/**` everything inside).
      if (i + 2 === glob.length) re += '.*';
      else re += '(?:[^/]*/)*';
      i += 2;
    } else if (c === '*') {
      re += '[^/]*';
    } else if (c === '?') {
      re += '[^/]';
    } else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) {
        re += '\\[';
      } else {
        const inner = glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
        re += `(?!/)[${inner}]`;
        i = close;
      }
    } else {
      re += escapeChar(c);
    }
  }
  return re;
}

function escapeChar(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Parses the text of a .gitignore file whose folder is `folder`. */
export function parseGitignore(folder: string, text: string): IgnoreFile {
  const patterns: IgnorePattern[] = [];
  for (const raw of text.split(/\r?\n/)) {
    if (raw === '' || raw.startsWith('#')) continue;
    let line = raw.replace(/(?<!\\)\s+$/, '');
    if (line === '') continue;
    const negated = line.startsWith('!');
    if (negated) line = line.slice(1);
    else if (line.startsWith('\\!') || line.startsWith('\\#')) line = line.slice(1);
    const foldersOnly = line.endsWith('/');
    if (foldersOnly) line = line.replace(/\/+$/, '');
    if (line === '') continue;
    const anchored = line.includes('/');
    line = line.replace(/^\//, '');
    patterns.push({ regExp: new RegExp(`^${patternBody(line)}$`), negated, foldersOnly, anchored });
  }
  return { folder: folder.replace(/\/+$/, ''), patterns };
}

/** Whether `path` (absolute, `/`-separated) is ignored by the files that apply to it, listed from the
 * top folder down. The caller does not descend into ignored folders, so what they hold stays ignored. */
export function isIgnored(files: IgnoreFile[], path: string, isFolder: boolean): boolean {
  let ignored = false;
  for (const file of files) {
    if (!path.startsWith(`${file.folder}/`)) continue;
    const relative = path.slice(file.folder.length + 1);
    const name = relative.slice(relative.lastIndexOf('/') + 1);
    for (const p of file.patterns) {
      if (p.foldersOnly && !isFolder) continue;
      if (p.regExp.test(p.anchored ? relative : name)) ignored = !p.negated;
    }
  }
  return ignored;
}
