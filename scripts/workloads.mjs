// The benchmark workloads, generated from fixed seeds so every run measures the same texts: a large
// policy built from the IAM catalogue and a long Redshift SQL script, both with a few mistakes.
/** mulberry32: a small seeded PRNG, so every run benchmarks the same texts. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generators(seed) {
  const random = prng(seed);
  const int = (n) => Math.floor(random() * n);
  const pick = (xs) => xs[int(xs.length)];
  const chance = (p) => random() < p;
  return { random, int, pick, chance };
}

const ACCOUNTS = ['123456789012', '210987654321', '111122223333', '444455556666'];
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2'];

/** Swaps two neighbouring letters: the kind of typo the rules exist for. */
function typo(word, g) {
  if (word.length < 4) return `${word}x`;
  const i = 1 + g.int(word.length - 2);
  return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
}

/** A condition operator and value that suit a condition key's type. */
function conditionFor(type, i, account, g) {
  if (type === 'Bool') return ['Bool', g.pick(['true', 'false'])];
  if (type === 'IPAddress') return ['IpAddress', `10.${g.int(255)}.0.0/16`];
  if (type === 'Numeric') return ['NumericLessThan', String(g.int(1000))];
  if (type === 'Date') return ['DateGreaterThan', '2024-01-01T00:00:00Z'];
  if (type === 'ARN') return ['ArnLike', `arn:aws:iam::${account}:role/app-${i}-*`];
  if (type.startsWith('ArrayOf')) return ['ForAnyValue:StringEquals', [`a-${i}`, `b-${i}`]];
  return [g.pick(['StringEquals', 'StringLike']), `value-${i}`];
}

/** A resource ARN from a catalogue template: `${Partition}`, `${Region}`, `${Account}` and the names filled in. */
function arnFrom(template, i, region, account) {
  return template.replace(/\$\{(\w+)\}/g, (_, name) => (name === 'Partition' ? 'aws' : name === 'Region' ? region : /Account/.test(name) ? account : `${name.toLowerCase()}-${i}`));
}

export function policyWorkload(catalog, statementCount) {
  const g = generators(0x1a2b3c);
  const services = Object.entries(catalog.services).filter(([, s]) => s.a.length > 0 && s.r.length > 0);
  const keyTypes = new Map([...catalog.global, ...Object.values(catalog.services).flatMap((s) => s.c)].map(([key, type]) => [key, type]));
  const globalKeys = catalog.global.map(([key]) => key).filter((k) => !/[$<]|tag-key/.test(k));
  const statements = [];
  for (let i = 0; i < statementCount; i++) {
    const [prefix, service] = g.pick(services);
    const [resourceKey, template] = g.pick(service.r);
    const fitting = service.a.filter(([, , , types]) => types.includes(resourceKey) || types.includes(`${resourceKey}*`));
    const actions = fitting.length ? Array.from({ length: 1 + g.int(2) }, () => g.pick(fitting)) : [g.pick(service.a)];
    const names = [...new Set(actions.map(([name]) => (g.chance(0.004) ? typo(name, g) : name)))].map((name) => `${prefix}:${name}`);
    const account = g.pick(ACCOUNTS);
    const region = g.pick(REGIONS);
    const statement = {
      Sid: g.chance(0.4) ? `Stmt${i}${g.chance(0.005) ? '-bad' : ''}` : undefined,
      Effect: g.chance(0.002) ? 'allow' : g.chance(0.85) ? 'Allow' : 'Deny',
      Action: names.length === 1 ? names[0] : names,
      Resource: fitting.length ? arnFrom(template, i, region, account) : '*',
    };
    if (g.chance(0.3)) {
      const actionKeys = actions[0][4].filter((k) => !/[$<]/.test(k));
      const key = actionKeys.length && g.chance(0.5) ? g.pick(actionKeys) : g.pick(globalKeys);
      const [operator, value] = conditionFor(keyTypes.get(key) ?? 'String', i, account, g);
      statement.Condition = { [operator]: { [g.chance(0.004) ? typo(key, g) : key]: value } };
    }
    if (g.chance(0.002)) statement.Condtion = {};
    statements.push(statement);
  }
  return JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
}

export function sqlWorkload(statementCount) {
  const g = generators(0x5eed5);
  const role = (name, account = g.pick(ACCOUNTS)) => `arn:aws:iam::${account}:role/${name}`;
  const chain = () => {
    const length = g.chance(0.7) ? 1 : 2 + g.int(3);
    const roles = Array.from({ length }, (_, k) => role(`etl-${k}-${g.int(100)}`));
    if (g.chance(0.01)) roles[0] = role('short', '12345');
    return roles.join(g.chance(0.01) ? ', ' : ',');
  };
  const table = () => `${g.pick(['sales', 'events', 'users', 'stage'])}.${g.pick(['orders', 'clicks', 'daily', 'raw'])}_${g.int(500)}`;
  const bucket = () => `s3://data-${g.int(50)}/${g.pick(['in', 'out', 'tmp'])}/${g.int(10000)}/`;
  const shapes = [
    () => `COPY ${table()} FROM '${bucket()}' IAM_ROLE '${chain()}' FORMAT AS PARQUET;`,
    () => `COPY ${table()} FROM '${bucket()}manifest' IAM_ROLE default CSV IGNOREHEADER 1 MANIFEST;`,
    () => `UNLOAD ('SELECT * FROM ${table()} WHERE name = ''o''''brien''') TO '${bucket()}' IAM_ROLE '${chain()}' PARALLEL OFF;`,
    () => `CREATE EXTERNAL SCHEMA IF NOT EXISTS ext_${g.int(900)} FROM DATA CATALOG DATABASE 'lake' IAM_ROLE '${chain()}';`,
    () => `-- nightly load ${g.int(1000)}\nINSERT INTO ${table()} SELECT id, 'IAM_ROLE default' AS note FROM ${table()};`,
    () => `/* report ${g.int(1000)} */ SELECT count(*) FROM ${table()} WHERE day > '2024-01-0${1 + g.int(8)}';`,
  ];
  const lines = [];
  for (let i = 0; i < statementCount; i++) {
    // A few mistakes: the legacy CREDENTIALS form of a role, and a statement with both IAM_ROLE and CREDENTIALS.
    if (g.chance(0.005)) lines.push(`COPY ${table()} FROM '${bucket()}' CREDENTIALS 'aws_iam_role=${role(`legacy-${g.int(99)}`)}' JSON 'auto';`);
    else if (g.chance(0.003)) lines.push(`COPY ${table()} FROM '${bucket()}' IAM_ROLE '${role('x')}' CREDENTIALS 'aws_iam_role=${role('y')}';`);
    else lines.push(g.pick(shapes)());
  }
  return `${lines.join('\n')}\n`;
}
