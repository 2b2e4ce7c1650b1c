/** `redshift-iam generate trust|chain|permissions`: the editor's generators on the command line. Bad
 * input is one clear sentence on standard error and exit status 2; nothing is written then. */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Catalog } from '../service';
import {
  chainRoles, generatePermissions, generateRoleChain, generateTrustPolicy, PLACEHOLDERS, splitList, type Generated, type RedshiftTrustInput,
} from '../service/generators';
import { roleChainAt } from '../service/sql';
import { loadCatalog, UsageError } from './usage';

/** Options taking a value (repeatable ones collect every occurrence) and boolean flags. */
interface OptionSpec {
  values: readonly string[];
  flags: readonly string[];
}

interface ParsedOptions {
  values: Map<string, string[]>;
  flags: Set<string>;
}

function parseOptions(command: string, args: string[], spec: OptionSpec): ParsedOptions {
  const parsed: ParsedOptions = { values: new Map(), flags: new Set() };
  for (let i = 0; i < args.length; i++) {
    const eq = args[i].startsWith('--') ? args[i].indexOf('=') : -1;
    const name = eq > 0 ? args[i].slice(0, eq) : args[i];
    if (spec.flags.includes(name)) {
      if (eq > 0) throw new UsageError(`${name} takes no value`);
      parsed.flags.add(name);
    } else if (spec.values.includes(name)) {
      const value = eq > 0 ? args[i].slice(eq + 1) : args[++i];
      if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new UsageError(`${name} needs a value`);
      parsed.values.set(name, [...(parsed.values.get(name) ?? []), value]);
    } else {
      throw new UsageError(name.startsWith('-') ? `generate ${command}: unknown option ${name}` : `generate ${command}: unexpected argument "${name}"`);
    }
  }
  return parsed;
}

/** The single value of an option given at most once. */
function single(options: ParsedOptions, name: string): string | undefined {
  const values = options.values.get(name) ?? [];
  if (values.length > 1) throw new UsageError(`${name} can be given only once`);
  return values[0];
}

/** Every value of a repeatable option; each occurrence may also be a comma-separated list. */
function list(options: ParsedOptions, name: string): string[] {
  return (options.values.get(name) ?? []).flatMap(splitList);
}

const TRUST_OPTIONS: OptionSpec = {
  values: ['--account', '--region', '--cluster', '--workgroup', '--dbuser', '--role-name'],
  flags: ['--source-arn', '--ml', '--restrict-regions', '--serverless'],
};

/** The Redshift trust inputs named by the trust options (the account is given separately). */
function trustRestrictions(options: ParsedOptions): Omit<RedshiftTrustInput, 'account'> {
  const cluster = single(options, '--cluster');
  const workgroupId = single(options, '--workgroup');
  if (cluster !== undefined && workgroupId !== undefined) throw new UsageError('give --cluster (provisioned) or --workgroup (Serverless), not both');
  const serverless = workgroupId !== undefined || options.flags.has('--serverless');
  if (serverless && cluster !== undefined) throw new UsageError('--serverless takes --workgroup, not --cluster');
  return {
    deployment: serverless ? 'serverless' : 'provisioned',
    regions: list(options, '--region'),
    cluster,
    workgroupId,
    dbUsers: list(options, '--dbuser'),
    restrictRegions: options.flags.has('--restrict-regions'),
    sourceArn: options.flags.has('--source-arn'),
    ml: options.flags.has('--ml'),
    serverlessPrincipal: serverless,
  };
}

/** Thrown for a problem with the inputs that is not a command-line mistake: printed alone, exit 2. */
class InputError extends Error {}

/** The SQL text of `--sql FILE` and the offset of the first non-blank character of `--line N`. */
function sqlPosition(options: ParsedOptions): { text: string; offset: number } {
  const file = single(options, '--sql');
  const line = single(options, '--line');
  if (file === undefined || line === undefined) throw new UsageError('--sql FILE and --line N go together');
  if (!/^[1-9]\d*$/.test(line)) throw new UsageError(`--line takes a line number from 1, not "${line}"`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
  }
  const lines = text.split('\n');
  const n = Number(line);
  if (n > lines.length) throw new InputError(`${file} has ${lines.length} line${lines.length === 1 ? '' : 's'}; there is no line ${n}.`);
  const start = lines.slice(0, n - 1).reduce((sum, l) => sum + l.length + 1, 0);
  return { text, offset: start + lines[n - 1].length - lines[n - 1].trimStart().length };
}

function reportProblem(result: Generated): result is { ok: false; problem: string } {
  if (result.ok) return false;
  console.error(`redshift-iam: ${result.problem}`);
  return true;
}

function generateTrust(args: string[]): number {
  const options = parseOptions('trust', args, TRUST_OPTIONS);
  const account = single(options, '--account');
  if (account === undefined) throw new UsageError('generate trust needs --account');
  if (!options.values.has('--region')) throw new UsageError('generate trust needs --region (repeat it for several Regions)');
  const result = generateTrustPolicy({ ...trustRestrictions(options), account, roleName: single(options, '--role-name') });
  if (reportProblem(result)) return 2;
  process.stdout.write(result.documents[0].content);
  return 0;
}

const CHAIN_OPTIONS: OptionSpec = {
  values: ['--roles', '--sql', '--line', '--out', '--trust', ...TRUST_OPTIONS.values.filter((o) => o !== '--account' && o !== '--role-name')],
  flags: ['--force', ...TRUST_OPTIONS.flags],
};

function generateChain(args: string[]): number {
  const options = parseOptions('chain', args, CHAIN_OPTIONS);
  const typed = single(options, '--roles');
  const out = single(options, '--out');
  const trust = single(options, '--trust');
  if ((typed === undefined) === !options.values.has('--sql')) throw new UsageError('generate chain needs --roles ARN1,ARN2,... or --sql FILE --line N, not both');
  let roles: string[];
  if (typed !== undefined) roles = chainRoles(typed);
  else {
    const { text, offset } = sqlPosition(options);
    const found = roleChainAt(text, offset);
    if (!found) throw new InputError(`line ${single(options, '--line')} of ${single(options, '--sql')} is not in a statement with an IAM_ROLE clause that lists role ARNs.`);
    roles = found;
  }
  if (out === undefined) throw new UsageError('generate chain needs --out DIR, the folder the policies are written to');
  if (trust !== undefined && trust !== 'role' && trust !== 'account') throw new UsageError(`--trust takes role or account, not "${trust}"`);
  // The trust options, when any is given, restrict the first role's Redshift trust.
  const restricted = [...options.values.keys(), ...options.flags].some((o) => TRUST_OPTIONS.values.includes(o) || TRUST_OPTIONS.flags.includes(o));
  const result = generateRoleChain({ roles, trust, redshift: restricted ? trustRestrictions(options) : undefined });
  if (reportProblem(result)) return 2;

  if (existsSync(out) && !statSync(out).isDirectory()) {
    console.error(`redshift-iam: --out ${out} is a file, not a folder.`);
    return 2;
  }
  const files = result.documents.filter((d) => d.kind !== 'clause').map((d) => ({ path: join(out, d.name), content: d.content }));
  const existing = files.filter((f) => existsSync(f.path)).map((f) => f.path);
  if (existing.length && !options.flags.has('--force')) {
    console.error(`redshift-iam: not overwriting ${existing.join(', ')}; nothing was written. Use --force to replace ${existing.length === 1 ? 'it' : 'them'}.`);
    return 2;
  }
  try {
    mkdirSync(out, { recursive: true });
    for (const file of files) {
      writeFileSync(file.path, file.content);
      console.error(`wrote ${file.path}`);
    }
  } catch (error) {
    console.error(`redshift-iam: cannot write to ${out}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
    return 2;
  }
  process.stdout.write(result.documents.find((d) => d.kind === 'clause')!.content);
  return 0;
}

/** The option that fills each placeholder of a generated permission policy. */
const PLACEHOLDER_OPTIONS: Record<string, string> = {
  [PLACEHOLDERS.account]: '--account', [PLACEHOLDERS.region]: '--region', [PLACEHOLDERS.defaultRole]: '--default-role',
};

const PERMISSIONS_OPTIONS: OptionSpec = { values: ['--sql', '--line', '--account', '--region', '--default-role'], flags: [] };

function generatePermissionsPolicy(args: string[]): number {
  const options = parseOptions('permissions', args, PERMISSIONS_OPTIONS);
  if (!options.values.has('--sql')) throw new UsageError('generate permissions needs --sql FILE --line N');
  const { text, offset } = sqlPosition(options);
  const input = { text, offset, account: single(options, '--account'), region: single(options, '--region'), defaultRole: single(options, '--default-role') };
  const result = generatePermissions(input, new Catalog(loadCatalog()));
  if (reportProblem(result)) return 2;
  const [policy] = result.documents;
  process.stdout.write(policy.content);
  if (policy.placeholders) {
    const options = policy.placeholders.map((p) => PLACEHOLDER_OPTIONS[p]);
    console.error(`The statement does not say every value: replace ${policy.placeholders.join(', ')}, or give ${options.join(', ')}.`);
  }
  return 0;
}

export function generate(args: string[]): number {
  const [what, ...rest] = args;
  try {
    if (what === 'trust') return generateTrust(rest);
    if (what === 'chain') return generateChain(rest);
    if (what === 'permissions') return generatePermissionsPolicy(rest);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    console.error(`redshift-iam: ${error.message}`);
    return 2;
  }
  throw new UsageError(what ? `generate: unknown document kind "${what}" (expected trust, chain or permissions)` : 'generate needs trust, chain or permissions');
}
