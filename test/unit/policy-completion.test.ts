/** Completion in policies, at every kind of position, including text that is still being typed. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse, ParseError } from 'jsonc-parser';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { REGIONS } from '../../server/src/service/regions';
import { STATEMENT_ELEMENTS } from '../../server/src/service/policy/parse';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { accept, atCursor, completionsAt, filterWord } from '../editing';
import { getService } from '../helpers';

const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const item = (items: CompletionItem[], label: string): CompletionItem => {
  const found = items.find((i) => i.label === label);
  assert.ok(found, `no "${label}" among ${labels(items).slice(0, 30).join(', ')}`);
  return found;
};
const newText = (i: CompletionItem) => (i.textEdit as TextEdit).newText;

/** Whether VS Code's filter keeps `item` for the typed word: the word's characters in order, case-insensitive. */
function kept(word: string, i: CompletionItem): boolean {
  const target = (i.filterText ?? i.label).toLowerCase();
  let at = 0;
  for (const c of word.toLowerCase()) {
    at = target.indexOf(c, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

function assertValidJson(text: string): unknown {
  const errors: ParseError[] = [];
  const value = parse(text, errors, { disallowComments: true, allowTrailingComma: false });
  assert.deepEqual(errors, [], `not valid JSON:\n${text}`);
  return value;
}

const statement = (body: string) => `{ "Version": "2012-10-17", "Statement": [ { ${body} } ] }`;

describe('policy completion: keys', () => {
  it('offers the top-level keys not yet present, as members that keep the JSON valid', () => {
    const items = completionsAt('{ "Statement": [], | }');
    assert.deepEqual(labels(items), ['Version', 'Id']);
    const result = assertValidJson(accept(items.cursor, item(items, 'Version'))) as Record<string, unknown>;
    assert.equal(result.Version, '2012-10-17');
  });

  it('offers the statement keys not present, and not the counterpart of one that is', () => {
    const items = completionsAt(statement('"Effect": "Allow", "Action": "s3:GetObject", |'));
    assert.deepEqual(labels(items), STATEMENT_ELEMENTS.filter((k) => !['Effect', 'Action', 'NotAction'].includes(k)));
  });

  it('leaves Resource out of a trust policy', () => {
    const items = completionsAt(statement('"Effect": "Allow", "Principal": { "Service": "redshift.amazonaws.com" }, "Action": "sts:AssumeRole", "|"'));
    assert.ok(!labels(items).includes('Resource') && !labels(items).includes('NotResource'));
    assert.ok(labels(items).includes('Condition'));
  });

  it('works after a trailing comma before any closing brace exists', () => {
    const items = completionsAt('{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", |');
    const action = item(items, 'Action');
    assert.equal(newText(action), '"Action": ["$1"]');
    assert.equal(action.command?.command, 'editor.action.triggerSuggest');
    assert.equal(accept(items.cursor, action), '{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": [""]');
  });

  it('replaces a half-typed key, quotes included, and matches it with the filter', () => {
    const items = completionsAt(statement('"Effect": "Allow", "Ac|"'));
    const action = item(items, 'Action');
    assert.equal(filterWord(items.cursor, action), '"Ac');
    assert.ok(kept('"Ac', action));
    const result = assertValidJson(accept(items.cursor, action)) as { Statement: Record<string, unknown>[] };
    assert.deepEqual(result.Statement[0].Action, ['']);
  });

  it('completes a key in an unterminated string at the end of the text', () => {
    const items = completionsAt('{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Reso|');
    assert.equal(accept(items.cursor, item(items, 'Resource')), '{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Resource": [""]');
  });

  it('only renames a key that already has its value', () => {
    const items = completionsAt(statement('"Effect": "Allow", "Actoin|": ["s3:GetObject"]'));
    assert.equal(newText(item(items, 'Action')), '"Action"');
    assertValidJson(accept(items.cursor, item(items, 'Action')));
  });

  it('adds the comma a member needs before the next one', () => {
    const items = completionsAt(statement('| "Effect": "Allow"'));
    const result = assertValidJson(accept(items.cursor, item(items, 'Sid'))) as { Statement: Record<string, unknown>[] };
    assert.deepEqual(Object.keys(result.Statement[0]), ['Sid', 'Effect']);
  });

  it('adds the missing comma when a key is typed right after a value', () => {
    const items = completionsAt(statement('"Effect": "Allow" "Act|"'));
    assert.equal(accept(items.cursor, item(items, 'Action')), statement('"Effect": "Allow", "Action": [""]'));
    assert.deepEqual(labels(completionsAt(statement('"Effect": "Allow" |'))), [], 'a space after a value is no request for keys');
  });

  it('completes keys of a statement given as a single object', () => {
    const items = completionsAt('{ "Version": "2012-10-17", "Statement": { "Effect": "Allow", "|" } }');
    assert.ok(labels(items).includes('Action') && !labels(items).includes('Effect'));
  });

  it('completes a top-level key while the first one is still being typed', () => {
    const items = completionsAt('{ "Version": "2012-10-17", "St|');
    assert.deepEqual(labels(items), ['Id', 'Statement']);
    const result = accept(items.cursor, item(items, 'Statement'));
    assert.equal(result, '{ "Version": "2012-10-17", "Statement": [\n\t{\n\t\t\n\t}\n]');
    const value = completionsAt('{ "Version": "2012-10-17", "Statement": | }');
    assertValidJson(accept(value.cursor, item(value, '[{…}]')));
  });

  it('offers a statement, not another array, inside the Statement array', () => {
    for (const text of ['{ "Version": "2012-10-17", "Statement": [|] }', '{ "Version": "2012-10-17", "Statement": [{}, |] }']) {
      const items = completionsAt(text);
      assert.deepEqual(labels(items), ['{…}'], text);
      assertValidJson(accept(items.cursor, item(items, '{…}')));
    }
  });

  it('offers the principal types and the condition operators as keys', () => {
    const principal = completionsAt(statement('"Principal": { "AWS": "*", | }'));
    assert.deepEqual(labels(principal), ['Service', 'Federated', 'CanonicalUser']);
    const operators = labels(completionsAt(statement('"Action": "s3:GetObject", "Condition": { "StringEquals": {}, "|" }')));
    for (const op of ['StringLike', 'StringEqualsIfExists', 'ForAllValues:StringLike', 'ForAnyValue:StringEquals', 'Null', 'Bool', 'ArnLike']) assert.ok(operators.includes(op), op);
    assert.ok(!operators.includes('StringEquals'), 'a present operator is not offered again');
    assert.ok(!operators.includes('NullIfExists'));
  });
});

describe('policy completion: values', () => {
  it('offers the policy version and the effects', () => {
    assert.deepEqual(labels(completionsAt('{ "Version": "|", "Statement": [] }')), ['2012-10-17']);
    const effects = completionsAt(statement('"Effect": "|"'));
    assert.deepEqual(labels(effects), ['Allow', 'Deny']);
    assert.equal(accept(effects.cursor, item(effects, 'Deny')), statement('"Effect": "Deny"'));
  });

  it('quotes a value typed where no string is open yet', () => {
    const items = completionsAt(statement('"Effect": |'));
    assert.equal(newText(item(items, 'Allow')), '"Allow"');
    assertValidJson(accept(items.cursor, item(items, 'Allow')));
  });

  it('offers service prefixes with their names, and Redshift services for "redsh"', () => {
    const items = completionsAt(statement('"Effect": "Allow", "Action": ["redsh|"]'));
    for (const prefix of ['redshift', 'redshift-data', 'redshift-serverless']) {
      const i = item(items, prefix);
      assert.equal(filterWord(items.cursor, i), 'redsh');
      assert.ok(kept('redsh', i));
      assert.equal(i.command?.command, 'editor.action.triggerSuggest', 'the actions follow the prefix');
    }
    assert.equal(item(items, 'redshift-data').detail, 'Amazon Redshift Data API');
    assert.equal(accept(items.cursor, item(items, 'redshift')), statement('"Effect": "Allow", "Action": ["redshift:"]'));
  });

  it('offers the actions of the typed service with access level and description', () => {
    const items = completionsAt(statement('"Effect": "Allow", "Action": "s3:GetOb|"'));
    const getObject = item(items, 's3:GetObject');
    assert.equal(filterWord(items.cursor, getObject), 's3:GetOb', 'the range covers the service prefix too');
    assert.ok(kept('s3:GetOb', getObject));
    assert.equal(getObject.detail, 'Read');
    assert.equal(getObject.documentation, undefined, 'long lists leave documentation to resolve');
    const resolved = getService().resolveCompletion(getObject);
    assert.match(JSON.stringify(resolved.documentation), /Grants permission to retrieve objects/);
    assert.match(JSON.stringify(getService().resolveCompletion(item(items, 's3:Get*')).documentation), /matches \d+ of the \d+ Amazon S3 actions/);
    assert.deepEqual(getService().resolveCompletion(item(items, 's3:Get*')).textEdit, item(items, 's3:Get*').textEdit);
    assert.equal(accept(items.cursor, getObject), statement('"Effect": "Allow", "Action": "s3:GetObject"'));
    assert.match(item(items, 's3:PutBucketTagging').detail!, /Tagging/);
    assert.match(item(items, 's3:PutBucketPolicy').detail!, /Permissions management/);
    assert.equal(item(items, 's3:ListBucket').detail, 'List');
    assert.match(item(items, 's3:Get*').detail!, /^\d+ actions: /);
    assert.match(item(items, 's3:*').detail!, new RegExp(`^${getService().catalog.service('s3')!.actions.length} actions: `));
    assert.ok(!labels(items).some((l) => !l.startsWith('s3:')));
  });

  it('replaces the whole string when the cursor is in its middle', () => {
    const items = completionsAt(statement('"Action": "s3:Get|Objekt"'));
    assert.equal(accept(items.cursor, item(items, 's3:GetObject')), statement('"Action": "s3:GetObject"'));
  });

  it('closes an unterminated action string', () => {
    const items = completionsAt('{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "s3:GetOb|');
    assert.equal(accept(items.cursor, item(items, 's3:GetObject')), '{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "s3:GetObject"');
    const multiline = completionsAt('{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Action": "s3:GetOb|\n    }\n  ]\n}');
    assertValidJson(accept(multiline.cursor, item(multiline, 's3:GetObject')));
  });

  it('quotes actions after a comma in an array, and an unquoted word', () => {
    const afterComma = completionsAt(statement('"Action": ["s3:GetObject", |]'));
    assert.equal(newText(item(afterComma, 'redshift')), '"redshift:$0"');
    const bare = completionsAt(statement('"Action": [s3:GetOb|]'));
    assert.equal(accept(bare.cursor, item(bare, 's3:GetObject')), statement('"Action": ["s3:GetObject"]'));
  });

  it('offers ARN templates for the resource types of the statement actions', () => {
    const items = completionsAt(statement('"Effect": "Allow", "Action": "redshift:GetClusterCredentials", "Resource": "|"'));
    const dbuser = item(items, 'arn:aws:redshift:${Region}:${Account}:dbuser:${ClusterName}/${DbUser}');
    assert.equal(newText(dbuser), 'arn:aws:redshift:${1:region}:${2:account}:dbuser:${3:ClusterName}/${4:DbUser}');
    assert.ok(labels(items).some((l) => l.includes(':dbname:')));
    assert.ok(!labels(items).some((l) => l.includes(':cluster:')), 'only the resource types of the statement actions');
    const s3 = completionsAt(statement('"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": [|]'));
    assert.equal(newText(item(s3, 'arn:aws:s3:::${BucketName}/${ObjectName}')), '"arn:aws:s3:::${1:BucketName}/${2:ObjectName}"');
    assert.equal(newText(item(s3, 'arn:aws:s3:::${BucketName}')), '"arn:aws:s3:::${1:BucketName}"');
    assertValidJson(accept(s3.cursor, item(s3, 'arn:aws:s3:::${BucketName}')));
  });

  it('offers principals: service principals including Redshift regional ones, accounts, roles from other documents', () => {
    const services = completionsAt(statement('"Principal": { "Service": "redsh|" }'));
    for (const p of ['redshift.amazonaws.com', 'redshift-serverless.amazonaws.com', 'redshift.eu-west-1.amazonaws.com']) assert.ok(kept('redsh', item(services, p)), p);
    assert.equal(labels(services).filter((l) => /^redshift\.[a-z0-9-]+\.amazonaws\.com$/.test(l)).length, Object.keys(REGIONS).length);
    assert.ok(labels(services).includes('s3.amazonaws.com'));
    assert.equal(item(services, 'scheduler.redshift.amazonaws.com').detail, 'Documented in the Amazon Redshift API Reference, "ScheduledAction" (IamRole)');
    assert.ok(labels(services).includes('ecs-tasks.amazonaws.com'));
    const aws = completionsAt(statement('"Principal": { "AWS": ["|"] }'), ['arn:aws:iam::111122223333:role/Loader']);
    assert.equal(labels(aws)[0], 'arn:aws:iam::111122223333:role/Loader');
    assert.equal(newText(item(aws, 'arn:aws:iam::${Account}:root')), 'arn:aws:iam::${1:account}:root');
    assert.ok(labels(aws).some((l) => l.includes(':role/')));
    assert.ok(labels(completionsAt(statement('"Principal": |'))).includes('*'));
  });

  it('proposes only service principals that the service-principal rule accepts', () => {
    const proposed = labels(completionsAt(statement('"Principal": { "Service": "|" }')));
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: proposed }, Action: 'sts:AssumeRole' }] });
    const findings = getService().findings(TextDocument.create('file:///test/all-principals.json', 'json', 1, policy));
    assert.deepEqual(findings.filter((f) => f.rule === 'service-principal' || f.rule === 'invalid-principal').map((f) => f.message), []);
    assert.ok(proposed.length > 450);
  });

  it('offers condition keys of the statement actions first, then global keys, with types', () => {
    const items = completionsAt(statement('"Action": "sts:AssumeRole", "Condition": { "StringEquals": { "|" } }'));
    const externalId = item(items, 'sts:ExternalId');
    const sourceArn = item(items, 'aws:SourceArn');
    assert.ok(externalId.sortText! < sourceArn.sortText!, 'keys of the actions come first');
    assert.equal(externalId.detail, 'String');
    assert.equal(sourceArn.detail, 'ARN');
    const tag = item(items, 'aws:RequestTag/${TagKey}');
    assert.equal(newText(tag), '"aws:RequestTag/${1:TagKey}": "$0"');
    assertValidJson(accept(items.cursor, externalId));
    const redshift = completionsAt(statement('"Action": "redshift:GetClusterCredentials", "Condition": { "StringEquals": { "|" } }'));
    assert.equal(labels(redshift).slice(0, 3).sort().join(), 'redshift:DbName,redshift:DbUser,redshift:DurationSeconds');
  });

  it('offers condition values where they are known', () => {
    const externalId = completionsAt(statement('"Action": "sts:AssumeRole", "Condition": { "StringEquals": { "sts:ExternalId": "|" } }'));
    assert.equal(newText(externalId[0]), 'arn:aws:redshift:${1:region}:${2:account}:dbuser:${3:cluster}/${4:user}');
    const sourceArn = completionsAt(statement('"Condition": { "ArnLike": { "aws:SourceArn": [|] } }'));
    assert.equal(newText(sourceArn[0]), '"arn:aws:redshift:${1:region}:${2:account}:cluster:${3:cluster}"');
    const account = completionsAt(statement('"Condition": { "StringEquals": { "aws:SourceAccount": "|" } }'));
    assert.match(accept(account.cursor, account[0]), /"aws:SourceAccount": "\d{12}"/);
    assert.deepEqual(labels(completionsAt(statement('"Condition": { "Bool": { "aws:SecureTransport": | } }'))), ['true', 'false']);
    assert.deepEqual(labels(completionsAt(statement('"Condition": { "Null": { "aws:TagKeys": "|" } }'))), ['true', 'false']);
  });

  it('inserts the comma a value needs after the previous one in an array', () => {
    const items = completionsAt(statement('"Action": ["s3:GetObject" "s3:Put|"]'));
    assert.equal(accept(items.cursor, item(items, 's3:PutObject')), statement('"Action": ["s3:GetObject", "s3:PutObject"]'));
  });

  it('offers nothing where nothing is known', () => {
    assert.deepEqual(labels(completionsAt(statement('"Sid": "|"'))), []);
    assert.deepEqual(labels(completionsAt('{ "name": "|" }')), [], 'JSON that is not a policy');
    assert.deepEqual(labels(completionsAt(statement('"Effect": "Allow"') + ' |')), []);
    assert.deepEqual(labels(completionsAt(statement('"Effect": "Allow", // "Act|'))), [], 'inside a comment');
    assert.deepEqual(labels(completionsAt(statement('"Effect": "Allow", "Action" |'))), [], 'between a key and its missing colon');
  });
});

describe('policy completion while typing', () => {
  /** Completion on `after` right after an edit from `before`, the service having parsed only `before`,
   * must equal completion on a freshly parsed `after`. */
  function sameAsFresh(before: string, afterMarked: string): CompletionItem[] {
    const fresh = completionsAt(afterMarked);
    const uri = `file:///test/typing-${fresh.cursor.offset}-${before.length}.json`;
    const old = TextDocument.create(uri, 'json', 1, before);
    getService().validate(old);
    const typed = TextDocument.create(uri, 'json', 2, fresh.cursor.text);
    const items = getService().complete(typed, fresh.cursor.position);
    assert.deepEqual(items, [...fresh]);
    assert.ok(items.length > 0);
    return items;
  }

  it('uses the parse of the text before the keystroke where the text is unchanged', () => {
    const before = statement('"Effect": "Allow", "Action": ["s3:GetObject"]') + '\n';
    const items = sameAsFresh(before, statement('"Effect": "Allow", "Action": ["s3:GetObject", "s3:Put|"]') + '\n');
    assert.ok(labels(items).includes('s3:PutObject'));
  });

  it('reads the statement under the cursor from the current text', () => {
    const before = statement('"Effect": "Allow"');
    const items = sameAsFresh(before, statement('"Effect": "Allow", "Action": "redshift:GetClusterCredentials", "Resource": "|"'));
    assert.ok(labels(items).some((l) => l.includes(':dbuser:')));
    const keys = sameAsFresh(before, statement('"Effect": "Allow", "Action": "s3:GetObject", "|"'));
    assert.ok(!labels(keys).includes('Action') && !labels(keys).includes('NotAction'));
  });

  it('completes in a document that was no policy when it was last parsed (a new file, a pasted skeleton)', () => {
    const items = sameAsFresh('', statement('"Effect": "Allow", "Resource": "*", "Action": "s3:Get|'));
    assert.ok(labels(items).includes('s3:GetObject'));
  });

  it('is right when the edit is far before the cursor or rewrites the document', () => {
    const two = (first: string, second: string) => `{ "Version": "2012-10-17", "Statement": [ { ${first} }, { ${second} } ] }`;
    sameAsFresh(two('"Sid": "A"', '"Action": "s3:GetOb"'), two('"Sid": "ABCDEF", "Effect": "Deny"', '"Action": "s3:GetOb|"'));
    sameAsFresh('{ "unrelated": [1, 2, 3], "Statement": [] }', statement('"Condition": { "StringEquals": { "sts:|" } }'));
  });

  it('costs no parse of the whole document', () => {
    const big = `{ "Version": "2012-10-17", "Statement": [\n${Array.from({ length: 2000 }, (_, i) => `{ "Sid": "S${i}", "Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "arn:aws:s3:::b${i}/*" }`).join(',\n')}\n] }`;
    const uri = 'file:///test/typing-big.json';
    getService().validate(TextDocument.create(uri, 'json', 1, big));
    const cursor = atCursor(big.replace('"Action": ["s3:GetObject"], "Resource": "arn:aws:s3:::b1000/*"', '"Action": ["s3:GetObject", "s3:Li|"], "Resource": "arn:aws:s3:::b1000/*"'));
    const doc = TextDocument.create(uri, 'json', 2, cursor.text);
    assert.ok(labels(getService().complete(doc, cursor.position)).includes('s3:ListBucket'));
    const last = getService().classify(doc, undefined, true);
    assert.equal(last?.language === 'policy' && last.policy.text, big, 'the text before the keystroke is still the one parsed');
  });
});
