/** `redshift-iam generate trust|chain`: the editor's generators on the command line. Bad input is
 * one clear sentence on standard error and exit status 2; nothing is written then. */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  chainRoles, generateRoleChain, generateTrustPolicy, splitList, type Generated, type RedshiftTrustInput,
} from '../service/generators';
import { UsageError } from './usage';

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
  values: ['--roles', '--out', '--trust', ...TRUST_OPTIONS.values.filter((o) => o !== '--account' && o !== '--role-name')],
  flags: ['--force', ...TRUST_OPTIONS.flags],
};

function generateChain(args: string[]): number {
  const options = parseOptions('chain', args, CHAIN_OPTIONS);
  const roles = single(options, '--roles');
  const out = single(options, '--out');
  const trust = single(options, '--trust');
  if (roles === undefined) throw new UsageError('generate chain needs --roles ARN1,ARN2,...');
  if (out === undefined) throw new UsageError('generate chain needs --out DIR, the folder the policies are written to');
  if (trust !== undefined && trust !== 'role' && trust !== 'account') throw new UsageError(`--trust takes role or account, not "${trust}"`);
  // The trust options, when any is given, restrict the first role's Redshift trust.
  const restricted = [...options.values.keys(), ...options.flags].some((o) => TRUST_OPTIONS.values.includes(o) || TRUST_OPTIONS.flags.includes(o));
  const result = generateRoleChain({ roles: chainRoles(roles), trust, redshift: restricted ? trustRestrictions(options) : undefined });
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

export function generate(args: string[]): number {
  const [what, ...rest] = args;
  if (what === 'trust') return generateTrust(rest);
  if (what === 'chain') return generateChain(rest);
  throw new UsageError(what ? `generate: unknown document kind "${what}" (expected trust or chain)` : 'generate needs trust or chain');
}
