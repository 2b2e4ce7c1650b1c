import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hasTemplate, lex, unescapeString, type TokenKind } from '../../server/src/service/sql/lexer';

/** `kind:text` of every token, for compact expectations. */
function tokens(text: string): string[] {
  return lex(text).tokens.toArray().map((t) => `${t.kind}:${text.slice(t.start, t.end)}`);
}

function significant(text: string): string[] {
  return lex(text).tokens.toArray().filter((t) => t.kind !== 'comment').map((t) => text.slice(t.start, t.end));
}

function only(text: string, kind: TokenKind): string[] {
  return lex(text).tokens.toArray().filter((t) => t.kind === kind).map((t) => text.slice(t.start, t.end));
}

function problems(text: string): string[] {
  return lex(text).problems.map((p) => `${p.offset}+${p.length} ${p.message}`);
}

describe('sql lexer: basics', () => {
  it('splits words, strings, numbers and operators with offsets', () => {
    const text = "COPY t FROM 's3://b/k' IAM_ROLE default;";
    assert.deepEqual(tokens(text), [
      'word:COPY', 'word:t', 'word:FROM', "string:'s3://b/k'", 'word:IAM_ROLE', 'word:default', 'operator:;',
    ]);
    const str = lex(text).tokens.toArray()[3];
    assert.equal(text.slice(str.bodyStart, str.bodyEnd), 's3://b/k');
    assert.deepEqual(problems(text), []);
  });

  it('keeps identifiers with digits, underscores, dollars and non-ASCII letters whole', () => {
    assert.deepEqual(significant('select a1_b$c, café, _x from t2'), ['select', 'a1_b$c', ',', 'café', ',', '_x', 'from', 't2']);
  });

  it('classes every character up to U+30FF as the lexer\'s definitions say', () => {
    const blank = (c: number) => c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x3000;
    const typographic = (c: number) => c >= 0x2018 && c <= 0x201d && c !== 0x201a && c !== 0x201b;
    // Letters and underscore, and any non-ASCII character that is neither a blank nor a typographic quote.
    const wordStart = (c: number) => /[A-Za-z_]/.test(String.fromCharCode(c)) || (c >= 0x80 && !blank(c) && !typographic(c));
    for (let c = 0; c < 0x3100; c++) {
      const ch = String.fromCharCode(c);
      const inside = tokens(`a${ch}b`);
      if (blank(c)) assert.deepEqual(inside, ['word:a', 'word:b'], `U+${c.toString(16)}`);
      else if (wordStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x24) assert.deepEqual(inside, [`word:a${ch}b`], `U+${c.toString(16)}`);
      else assert.ok(inside.length > 1, `U+${c.toString(16)}: ${inside.join(' ')}`);
      if (wordStart(c) && c !== 0x45 && c !== 0x65) assert.deepEqual(tokens(`(${ch}'x'`), ['operator:(', `word:${ch}`, "string:'x'"], `U+${c.toString(16)}`);
    }
  });

  it('lexes numbers, casts and positional parameters', () => {
    assert.deepEqual(tokens('1 2.5 .5 1e10 3E-2 x::int $1'), [
      'number:1', 'number:2.5', 'number:.5', 'number:1e10', 'number:3E-2', 'word:x', 'operator:::', 'word:int', 'param:$1',
    ]);
  });

  it('lexes only the requested range, with offsets into the whole text', () => {
    const text = "xx COPY 'a' yy";
    const result = lex(text, 3, 11);
    assert.deepEqual(result.tokens.toArray().map((t) => [t.kind, t.start, t.end]), [['word', 3, 7], ['string', 8, 11]]);
  });

  it('treats every kind of whitespace, including no-break space and BOM, as blanks', () => {
    assert.deepEqual(significant('\uFEFFCOPY\u00a0t\r\n\tFROM\u2003x'), ['COPY', 't', 'FROM', 'x']);
  });
});

describe('sql lexer: comments', () => {
  it('reads -- comments to the end of the line', () => {
    assert.deepEqual(tokens("a -- it's; not code\nb"), ["word:a", "comment:-- it's; not code", 'word:b']);
  });

  it('nests block comments as PostgreSQL does', () => {
    const text = "a /* outer /* inner ' */ still comment; */ b";
    assert.deepEqual(tokens(text), ['word:a', "comment:/* outer /* inner ' */ still comment; */", 'word:b']);
  });

  it('reports an unterminated block comment and resumes on the next line', () => {
    const text = 'a /* open\nCOPY t';
    assert.deepEqual(problems(text), ['2+2 Unterminated block comment: the closing */ is missing.']);
    assert.deepEqual(significant(text), ['a', 'COPY', 't']);
  });

  it('does not read // or # as comments', () => {
    assert.deepEqual(significant('a // b # c'), ['a', '/', '/', 'b', '#', 'c']);
  });
});

describe('sql lexer: strings', () => {
  it("reads '' as an escaped quote", () => {
    assert.deepEqual(only("x 'it''s' y", 'string'), ["'it''s'"]);
  });

  it("reads on past '' into templating and escapes further in the same string", () => {
    assert.deepEqual(only("x 'it''s {{ q('a') }} ok' y 'b''c\\'d' z", 'string'), ["'it''s {{ q('a') }} ok'", "'b''c\\'d'"]);
  });

  it('reads a backslash as an escape', () => {
    assert.deepEqual(only("x 'a\\'b' y 'c'", 'string'), ["'a\\'b'", "'c'"]);
  });

  it("reads E'…' strings as one token", () => {
    assert.deepEqual(tokens("select E'a\\nb', e'x'"), ['word:select', "string:E'a\\nb'", 'operator:,', "string:e'x'"]);
  });

  it('does not take a trailing E of a word as a string prefix', () => {
    assert.deepEqual(tokens("TABLE'x'"), ['word:TABLE', "string:'x'"]);
  });

  it('keeps semicolons, comment markers and dollars inside strings', () => {
    assert.deepEqual(only("'a;b -- c /* d $$ e'", 'string'), ["'a;b -- c /* d $$ e'"]);
    assert.deepEqual(only("'a;b'", 'operator'), []);
  });

  it('allows strings over several lines (UNLOAD queries)', () => {
    const text = "unload ('select *\nfrom venue\nwhere x = ''NV''')";
    assert.deepEqual(only(text, 'string'), ["'select *\nfrom venue\nwhere x = ''NV'''"]);
    assert.deepEqual(problems(text), []);
  });

  it('reports an unterminated string at its opening quote and resumes on the next line', () => {
    const text = "COPY t FROM 's3://b\nIAM_ROLE default;";
    assert.deepEqual(problems(text), ['12+1 Unterminated string: the closing quote is missing.']);
    const string = lex(text).tokens.toArray()[3];
    assert.equal(string.unterminated, true);
    assert.equal(text.slice(string.start, string.end), "'s3://b");
    assert.deepEqual(significant(text).slice(4), ['IAM_ROLE', 'default', ';']);
  });

  it('reports a missing closing quote where a string swallows the next clause keyword', () => {
    // The AWS documentation's temporary-credentials example.
    const text = "copy table-name\nfrom 's3://objectpath'\naccess_key_id '<temporary-access-key-id>'\nsecret_access_key '<temporary-secret-access-key>\ntoken '<temporary-token>';";
    const result = lex(text);
    const open = text.indexOf("'<temporary-secret");
    assert.deepEqual(result.problems.map((p) => p.offset), [open]);
    assert.match(result.problems[0].message, /closing quote is missing at the end of the line/);
    assert.deepEqual(only(text, 'string'), ["'s3://objectpath'", "'<temporary-access-key-id>'", "'<temporary-secret-access-key>", "'<temporary-token>'"]);
    assert.deepEqual(only(text, 'operator').pop(), ';');
  });

  it('reports a missing closing quote in a one-line value even when a later quote closes the string', () => {
    const text = "COPY t FROM 's3://b/k\nIAM_ROLE default;\nUNLOAD ('select 1') TO 's3://b/o/' REGION AS 'us-east-1\nMANIFEST; SELECT 'x';";
    const result = lex(text);
    assert.deepEqual(result.problems.map((p) => p.offset), [text.indexOf("'s3://b/k"), text.indexOf("'us-east-1")]);
    assert.deepEqual(only(text, 'string'), ["'s3://b/k", "'select 1'", "'s3://b/o/'", "'us-east-1", "'x'"]);
  });

  it('keeps multi-line strings that are not one-line values (queries, bodies, comments)', () => {
    const text = "UNLOAD ('select *\nfrom t') TO 's3://b/'; CREATE PROCEDURE p() AS '\nbegin\nend;\n' LANGUAGE plpgsql; COMMENT ON TABLE t IS 'a\nb';";
    assert.deepEqual(problems(text), []);
  });

  it('keeps the CR of a CRLF line out of a repaired string', () => {
    const text = "secret_access_key 'abc\r\ntoken 'x';";
    assert.deepEqual(only(text, 'string'), ["'abc", "'x'"]);
  });

  it('keeps Jinja with quotes inside a string opaque', () => {
    const text = "IAM_ROLE '{{ var('role_arn') }}' REGION 'us-east-1'";
    assert.deepEqual(only(text, 'string'), ["'{{ var('role_arn') }}'", "'us-east-1'"]);
    assert.deepEqual(problems(text), []);
  });
});

describe('sql lexer: dollar quoting', () => {
  it('reads $$ bodies with quotes and semicolons as one token', () => {
    const text = "CREATE PROCEDURE p() AS $$ BEGIN UNLOAD ('select 1') TO 's3://b/'; END; $$ LANGUAGE plpgsql;";
    const body = lex(text).tokens.toArray().find((t) => t.kind === 'dollarString')!;
    assert.equal(text.slice(body.bodyStart, body.bodyEnd), " BEGIN UNLOAD ('select 1') TO 's3://b/'; END; ");
    assert.equal(only(text, 'operator').filter((o) => o === ';').length, 1);
  });

  it('reads tagged dollar quotes, which may contain other tags', () => {
    const text = "AS $fn$ select $$x$$; $fn$ x";
    assert.deepEqual(tokens(text), ['word:AS', 'dollarString:$fn$ select $$x$$; $fn$', 'word:x']);
  });

  it('reads UNLOAD($$ … $$)', () => {
    assert.deepEqual(only("UNLOAD ($$select 'a'$$) TO 's3://b/'", 'dollarString'), ["$$select 'a'$$"]);
  });

  it('reports an unterminated $$ and resumes on the next line', () => {
    const text = 'AS $$ begin\nCOPY t';
    assert.deepEqual(problems(text), ['3+2 Unterminated dollar-quoted string: the closing $$ is missing.']);
    assert.deepEqual(significant(text), ['AS', '$$ begin', 'COPY', 't']);
  });

  it('reads a $NAME$ that is never closed as a placeholder, not an error', () => {
    const text = 'COPY $SCHEMA$.t FROM x';
    assert.deepEqual(tokens(text), ['word:COPY', 'template:$SCHEMA$', 'operator:.', 'word:t', 'word:FROM', 'word:x']);
    assert.deepEqual(problems(text), []);
  });

  it('reads capitalised $NAME$ used twice as two placeholders, not a quote', () => {
    const text = 'COPY $SCHEMA$.a FROM x; COPY $SCHEMA$.b FROM y;';
    assert.deepEqual(only(text, 'template'), ['$SCHEMA$', '$SCHEMA$']);
    assert.equal(only(text, 'operator').filter((o) => o === ';').length, 2);
  });

  it('reads $BODY$ after AS as a quote (pgAdmin style)', () => {
    assert.deepEqual(only('AS $BODY$ begin; end; $BODY$', 'dollarString'), ['$BODY$ begin; end; $BODY$']);
  });

  it('reads $NAME and ${NAME} as placeholders', () => {
    assert.deepEqual(tokens('IAM_ROLE $ROLE ${ROLE_ARN}'), ['word:IAM_ROLE', 'template:$ROLE', 'template:${ROLE_ARN}']);
  });
});

describe('sql lexer: identifiers and typographic quotes', () => {
  it('reads double-quoted identifiers with "" escapes', () => {
    assert.deepEqual(tokens('select "a ""b"" ;c" from t'), ['word:select', 'quotedIdent:"a ""b"" ;c"', 'word:from', 'word:t']);
  });

  it('reports an unterminated quoted identifier', () => {
    assert.deepEqual(problems('select "abc\nfrom t'), ['7+1 Unterminated quoted identifier: the closing quote is missing.']);
  });

  it('reads typographic quotes as a string of their own kind', () => {
    const text = 'IAM_ROLE ‘arn:aws:iam::123456789012:role/R’ LAMBDA “f”';
    assert.deepEqual(only(text, 'typographicString'), ['‘arn:aws:iam::123456789012:role/R’', '“f”']);
  });

  it('reads an unmatched typographic quote as an operator', () => {
    assert.deepEqual(tokens('it’s'), ['word:it', 'operator:’', 'word:s']);
  });
});

describe('sql lexer: templating is opaque', () => {
  it('reads Jinja expressions, statements and comments', () => {
    const text = "{% if x %}COPY {{ this }} FROM '{{ src }}'{% endif %} {# a ' b #}";
    assert.deepEqual(tokens(text), [
      'template:{% if x %}', 'word:COPY', 'template:{{ this }}', 'word:FROM', "string:'{{ src }}'", 'template:{% endif %}', "comment:{# a ' b #}",
    ]);
  });

  it('reads Jinja blocks over several lines', () => {
    assert.deepEqual(only("{% set x = '\n;' %} a", 'template'), ["{% set x = '\n;' %}"]);
  });

  it('reads an unclosed Jinja expression to the end of its line without an error', () => {
    const text = "{{ broken\nCOPY t FROM 's3://b/'";
    assert.deepEqual(problems(text), []);
    assert.deepEqual(significant(text), ['{{ broken', 'COPY', 't', 'FROM', "'s3://b/'"]);
  });

  it("reads psql variables :name, :'name' and :\"name\" but not casts", () => {
    assert.deepEqual(only("IAM_ROLE :'role' x::text :v :\"id\"", 'template'), [":'role'", ':v', ':"id"']);
  });

  it('reads Python format fields', () => {
    assert.deepEqual(only('COPY {table} FROM {0} x {}', 'template'), ['{table}', '{0}', '{}']);
  });

  it('reads psql meta-commands at the start of a line', () => {
    assert.deepEqual(tokens("\\set role 'arn\nselect 1"), ["template:\\set role 'arn", 'word:select', 'number:1']);
  });
});

describe('sql lexer: helpers', () => {
  it('recognises templated values', () => {
    for (const v of ['{{ var("x") }}', 'arn:aws:iam::{{ account }}:role/x', '${ROLE}', '{account}', 'arn:aws:iam::$ACCOUNT$:role/x', '{% if %}']) {
      assert.equal(hasTemplate(v), true, v);
    }
    for (const v of ['arn:aws:iam::123456789012:role/x', '<aws-account-id>', '{"a": 1}', 'a$b']) assert.equal(hasTemplate(v), false, v);
  });

  it('unescapes string bodies', () => {
    assert.equal(unescapeString("it''s"), "it's");
    assert.equal(unescapeString('a\\nb\\\\c\\\'d'), "a\nb\\c'd");
    assert.equal(unescapeString('plain'), 'plain');
  });
});

// Speed is measured by `npm run bench`, not asserted here: timings on a shared machine are noise.
describe('sql lexer: large and pathological input', () => {
  const statement = "COPY sales FROM 's3://bucket/data/part-' IAM_ROLE 'arn:aws:iam::123456789012:role/A,arn:aws:iam::210987654321:role/B' -- load\n  FORMAT AS CSV /* c */ REGION 'us-east-1';\n";
  const text = statement.repeat(Math.ceil(1_200_000 / statement.length));

  it('lexes a 1.2 MB file without problems', () => {
    const result = lex(text);
    assert.equal(result.problems.length, 0);
    assert.ok(result.tokens.count > 90_000);
  });

  it('lexes a range of the text as it lexes that part alone', () => {
    const end = text.indexOf('\n', Math.floor(text.length / 2)) + 1;
    const part = lex(text, 0, end).tokens.toArray();
    assert.deepEqual(part.map((t) => [t.kind, t.start, t.end]), lex(text.slice(0, end)).tokens.toArray().map((t) => [t.kind, t.start, t.end]));
  });

  it('lexes into the arrays of a list let go as into new ones, and leaves the list let go empty', () => {
    const first = lex(text, 0, text.length, Infinity, true);
    const expected = lex(statement.repeat(3)).tokens.toArray();
    first.tokens.release();
    assert.equal(first.tokens.count, 0);
    assert.deepEqual(first.tokens.toArray(), []);
    // The next whole-text lexing takes the larger arrays, holding the first text's tokens past its own.
    const reusing = (source: string) => lex(source, 0, source.length, Infinity, true);
    const second = reusing(statement.repeat(3));
    assert.deepEqual(second.tokens.toArray(), expected);
    const longer = `${statement.repeat(3)}${text}`;
    second.tokens.release();
    assert.deepEqual(reusing(longer).tokens.toArray().slice(0, expected.length), expected);
  });

  // A quadratic scan over these 60,000 unclosed openers would take minutes: the timeout guards a hang.
  it('gets through many unclosed openers', { timeout: 20_000 }, () => {
    const pathological = "'{{".repeat(20_000) + '\n' + '{{ x'.repeat(20_000) + '\n' + '$a$ '.repeat(20_000);
    assert.ok(lex(pathological).tokens.count > 0);
  });
});
