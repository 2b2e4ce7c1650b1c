/** Seeded mutation of fixture texts, shared by the fuzzing tests. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Mulberry32: a small seeded PRNG, so every run mutates the same way. */
export function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const INSERTS = ['"', '{', '}', '[', ']', ',', ':', '$$', '$tag$', '/*', '*/', '--', "'", '\\', '\u0000', '😀', '“', '”', '‘', '’', '${', '\n', 'arn:aws:iam::', '*', 'IAM_ROLE ', "CREDENTIALS '"];

export function mutate(text: string, random: () => number): string {
  const at = () => Math.floor(random() * (text.length + 1));
  const steps = 1 + Math.floor(random() * 4);
  for (let i = 0; i < steps; i++) {
    const kind = Math.floor(random() * 4);
    const p = at();
    if (kind === 0) text = text.slice(0, p) + text.slice(p + Math.floor(random() * 40));
    else if (kind === 1) text = text.slice(0, p) + INSERTS[Math.floor(random() * INSERTS.length)] + text.slice(p);
    else if (kind === 2) text = text.slice(0, p);
    else {
      const q = at();
      text = text.slice(0, p) + text.slice(Math.min(p, q), Math.max(p, q)) + text.slice(p);
    }
  }
  return text;
}

export function collect(dir: string, pattern: RegExp, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) collect(join(dir, e.name), pattern, out);
    else if (pattern.test(e.name)) out.push(readFileSync(join(dir, e.name), 'utf8'));
  }
  return out;
}
