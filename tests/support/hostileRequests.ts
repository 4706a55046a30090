/**
 * fast-check arbitraries for hostile HTTP requests to the GraphQL endpoint: real operations with
 * random, huge, unicode and injection-laden arguments (Cypher and Lucene), out-of-range numbers,
 * deep nesting, alias and fragment bombs, batches, malformed JSON, wrong methods and content
 * types, oversized bodies. Each value is a plain description of one HTTP request.
 */
import fc from 'fast-check';

export interface HostileRequest {
  /** Which family of attack, for the tally. */
  kind: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'OPTIONS';
  /** Path and query string, e.g. `/graphql` or `/graphql?query=…`. */
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** Strings that mean something to Cypher, Lucene, JSON, GraphQL or JavaScript. */
export const INJECTIONS = [
  "' OR 1=1 //", '" OR 1=1 //', "x') DETACH DELETE n //", "x'}) MATCH (n) DETACH DELETE n //",
  '`) MATCH (n) DETACH DELETE n //', "']->() DETACH DELETE n //", 'X]->() DETACH DELETE (n) //',
  '} RETURN 1 UNION MATCH (n) DETACH DELETE n RETURN 1 //', 'CALL db.labels()', 'CALL db.clearQueryCaches()',
  "CALL dbms.killQueries(['1'])", 'CALL apoc.periodic.iterate()', 'LOAD CSV FROM "file:///etc/passwd" AS x RETURN x',
  'MATCH (n) SET n.pwned = true', 'CREATE (:Pwned)', '$name', '${name}', '{{name}}', '`', '``', '\\`',
  '*', '?', '~', 'a~', '~0.5', 'a~2', '*:*', 'name:*', 'aliasText:*', 'a*b?c', '(', ')', '((((((((((a', '[', ']',
  '{', '}', '[a TO z]', '{a TO z}', '"unbalanced', 'a AND', 'AND', 'OR', 'NOT', 'NOT NOT', '&&', '||', '!', '^2',
  'a^999999999', '/regex.*/', '/', ':', '+-&|!(){}[]^"~*?:\\/', '\\', '\\\\', "\\'", '"', "'", '\u0000', 'a\u0000b',
  '\uFFFF', '\uFEFF', '\uD800', 'a\uDFFFb', '\u202Eevil', '\u200B', '🔥🔥🔥', 'حزب الله', 'Ḩayʼat Taḩrīr ash-Shām',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', 'Z̷̢̛̛a̵l̸g̵o̷', '__proto__', 'constructor', 'toString', 'null', 'undefined', 'NaN', '-1', '1e999',
  '%00', '%27', '<script>alert(1)</script>', '../../etc/passwd', 'doc-000', 'syria', ' ', '\t\n\r', '-', "'-'",
] as const;

/** Names that resolve in the curated seed, so some hostile requests reach real queries. */
export const REAL_NAMES = ['Tartus', 'Latakia', 'Jableh', 'Syria', 'Alawites', "Hay'at Tahrir al-Sham", 'SOHR', 'Banias', 'Homs'];

const unicode = fc.string({ unit: 'grapheme', maxLength: 60 });
const binary = fc.string({ unit: 'binary', maxLength: 60 });
const ascii = fc.string({ unit: 'binary-ascii', maxLength: 60 });

/** A hostile string argument: injections, unicode, control characters, huge. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...INJECTIONS) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...REAL_NAMES), fc.constantFrom(...INJECTIONS)).map(([a, b]) => `${a}${b}`) },
  { weight: 2, arbitrary: fc.constantFrom(...REAL_NAMES) },
  { weight: 2, arbitrary: unicode },
  { weight: 2, arbitrary: binary },
  { weight: 2, arbitrary: ascii },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...INJECTIONS), { minLength: 2, maxLength: 20 }).map((a) => a.join(' ')) },
  { weight: 1, arbitrary: fc.integer({ min: 201, max: 60_000 }).map((n) => 'ا'.repeat(n)) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', 'a', 'x'.repeat(200), 'x'.repeat(201)) },
);

/** Numbers for Int arguments: negative, zero, huge, beyond 32 bits, fractional. */
export const hostileInt: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: -5, max: 600 }),
  fc.constantFrom(-1, 0, -2_147_483_648, 2_147_483_647, 2_147_483_648, -2_147_483_649, Number.MAX_SAFE_INTEGER, 1e21, -1e21, 1.5, -0.5, 1e-7),
  fc.integer(),
);

/** A value of the wrong type, for any variable. */
const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, '', [], {}, [[[]]], { __proto__: { x: 1 } }, { constructor: { prototype: 1 } }),
  fc.jsonValue({ maxDepth: 4 }),
);

const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined, freq: 2 });
const strOrWrong = fc.oneof({ weight: 6, arbitrary: hostileString }, { weight: 1, arbitrary: wrongType });
const intOrWrong = fc.oneof({ weight: 6, arbitrary: hostileInt }, { weight: 1, arbitrary: wrongType });
const strList = fc.oneof(
  { weight: 5, arbitrary: fc.array(hostileString, { maxLength: 6 }) },
  { weight: 2, arbitrary: fc.array(fc.constantFrom('MEMBER_OF', 'LED_BY', 'LOCATED_IN', 'member_of', 'X]->() DETACH DELETE (n) //', '`KILLED`'), { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.array(fc.constant('MEMBER_OF'), { minLength: 51, maxLength: 400 }) },
  { weight: 1, arbitrary: wrongType },
);
const kinds = fc.oneof(fc.array(fc.constantFrom('Person', 'Group', 'Place', 'Event'), { maxLength: 4 }), fc.array(hostileString, { maxLength: 3 }), wrongType);
/** Cursors: garbage, and well-formed ones carrying injections. */
const cursor = fc.oneof(
  hostileString,
  fc.tuple(fc.constantFrom('2024-12-01', '0000-00-00', "2024'", '9999-99-99'), hostileString).map(([d, id]) => Buffer.from(JSON.stringify([d, id])).toString('base64url')),
  fc.jsonValue({ maxDepth: 3 }).map((v) => Buffer.from(JSON.stringify(v)).toString('base64url')),
);

const ENTITY_FIELDS = 'id kind name aliases description certainty citations { quote source { id } }';

/** Real operations, each with variables drawn from the hostile arbitraries. */
const operations: fc.Arbitrary<{ name: string; query: string; variables: Record<string, unknown> }> = fc.oneof(
  fc.record({ name: strOrWrong }).map((variables) => ({
    name: 'entity',
    query: `query($name: String!) { entity(name: $name) { ${ENTITY_FIELDS} relations(first: 5) { type other { name } } } }`,
    variables,
  })),
  fc.record({ id: strOrWrong }).map((variables) => ({
    name: 'entityById',
    query: `query($id: ID!) { entityById(id: $id) { ${ENTITY_FIELDS} } }`,
    variables,
  })),
  fc.record({ text: strOrWrong, first: maybe(intOrWrong), kinds: maybe(kinds) }, { requiredKeys: ['text'] }).map((variables) => ({
    name: 'search',
    query: 'query($text: String!, $first: Int, $kinds: [EntityKind!]) { search(text: $text, first: $first, kinds: $kinds) { score matchedName entity { id name } } }',
    variables,
  })),
  fc.record({ name: strOrWrong, depth: maybe(intOrWrong), types: maybe(strList), exclude: maybe(strList), first: maybe(intOrWrong) }, { requiredKeys: ['name'] }).map((variables) => ({
    name: 'neighbourhood',
    query: 'query($name: String!, $depth: Int, $types: [String!], $exclude: [String!], $first: Int) { neighbourhood(name: $name, depth: $depth, types: $types, exclude: $exclude, first: $first) { truncated center { id } nodes { id distance } edges { id type from to } } }',
    variables,
  })),
  fc.record({ from: strOrWrong, to: strOrWrong, maxHops: maybe(intOrWrong), first: maybe(intOrWrong), types: maybe(strList), exclude: maybe(strList) }, { requiredKeys: ['from', 'to'] }).map((variables) => ({
    name: 'paths',
    query: 'query($from: String!, $to: String!, $maxHops: Int, $first: Int, $types: [String!], $exclude: [String!]) { paths(from: $from, to: $to, maxHops: $maxHops, first: $first, types: $types, exclude: $exclude) { length steps { relation direction from { id } to { id } } } }',
    variables,
  })),
  fc.record({
    filter: maybe(fc.oneof(
      fc.record({ types: maybe(strList), subEventTypes: maybe(strList), participant: maybe(strOrWrong), place: maybe(strOrWrong), from: maybe(strOrWrong), to: maybe(strOrWrong) }, { requiredKeys: [] }),
      wrongType,
    )),
    first: maybe(intOrWrong),
    after: maybe(cursor),
  }, { requiredKeys: [] }).map((variables) => ({
    name: 'events',
    query: 'query($filter: EventFilter, $first: Int, $after: String) { events(filter: $filter, first: $first, after: $after) { totalCount edges { cursor node { id name start } } pageInfo { hasNextPage endCursor } } }',
    variables,
  })),
  fc.record({ about: maybe(strOrWrong) }, { requiredKeys: [] }).map((variables) => ({
    name: 'claims',
    query: 'query($about: String) { claims(about: $about) { id figure conflictsWith { id } } }',
    variables,
  })),
);

const json = (body: unknown) => JSON.stringify(body);
const post = (kind: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }): HostileRequest => ({
  kind, method: 'POST', path: '/graphql', headers, body,
});

/** Lone surrogates replaced (encodeURIComponent throws on them). */
const wellFormed = (s: string) => s.replace(/[\uD800-\uDFFF]/gu, '\uFFFD');

/** GraphQL string literal for inline arguments (JSON escapes are valid GraphQL escapes). */
const literal = (s: string) => JSON.stringify(s);

/** `relations { other { relations { other { … } } } }` nested `depth` times. */
function nested(depth: number): string {
  let inner = 'id';
  for (let i = 0; i < depth; i++) inner = `relations(first: 500) { other { id ${inner} } }`;
  return `{ entity(name: "Tartus") { ${inner} } }`;
}

/** n aliases of a real query in one document. */
function aliasBomb(n: number, field: string): string {
  const parts = Array.from({ length: n }, (_, i) => `a${i}: ${field}`);
  return `{ ${parts.join(' ')} }`;
}

/** Fragments that each spread the next one twice: 2^depth fields once expanded. */
function fragmentBomb(depth: number): string {
  const frags = [`fragment F0 on Query { sources { id title text } }`];
  for (let i = 1; i <= depth; i++) frags.push(`fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }`);
  return `query { ...F${depth} } ${frags.join(' ')}`;
}

/** Every kind of hostile request, weighted so most are real operations with hostile arguments. */
export const hostileRequest: fc.Arbitrary<HostileRequest> = fc.oneof(
  // Real operations with hostile variables.
  { weight: 30, arbitrary: operations.map((op) => post(`vars:${op.name}`, json({ query: op.query, variables: op.variables }))) },
  // The same hostile strings inlined as literals (escaped) and raw (unescaped: parse errors).
  {
    weight: 6,
    arbitrary: fc.tuple(fc.constantFrom('entity(name: %s) { id }', 'search(text: %s) { score }', 'paths(from: %s, to: "Tartus") { length }', 'claims(about: %s) { id }'), hostileString, fc.boolean())
      .map(([tpl, s, raw]) => post(raw ? 'literal:raw' : 'literal', json({ query: `{ ${tpl.replace('%s', raw ? `"${s}"` : literal(s))} }` }))),
  },
  // Deep nesting.
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 60 }).map((d) => post('deep', json({ query: nested(d) }))) },
  { weight: 1, arbitrary: fc.integer({ min: 50, max: 3_000 }).map((d) => post('deep:brackets', json({ query: `${'{ sources '.repeat(d)}${'}'.repeat(d)}` }))) },
  // Alias bombs.
  {
    weight: 3,
    arbitrary: fc.tuple(fc.integer({ min: 2, max: 3_000 }), fc.constantFrom('sources { id text }', 'search(text: "a") { score }', '__typename', 'paths(from: "Tartus", to: "Latakia", maxHops: 6, first: 20) { length }', 'neighbourhood(name: "Syria", depth: 3, first: 500) { nodes { id } }'))
      .map(([n, f]) => post('alias-bomb', json({ query: aliasBomb(n, f) }))),
  },
  // Fragment bombs and cycles.
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 40 }).map((d) => post('fragment-bomb', json({ query: fragmentBomb(d) }))) },
  { weight: 1, arbitrary: fc.constant(post('fragment-cycle', json({ query: 'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }' }))) },
  // Field duplication and directive spam.
  { weight: 1, arbitrary: fc.integer({ min: 10, max: 5_000 }).map((n) => post('field-dup', json({ query: `{ sources { ${'id '.repeat(n)} } }` }))) },
  { weight: 1, arbitrary: fc.integer({ min: 10, max: 2_000 }).map((n) => post('directive-spam', json({ query: `{ __typename ${'@include(if: true) '.repeat(n)} }` }))) },
  // Batched operations.
  {
    weight: 2,
    arbitrary: fc.array(operations, { minLength: 1, maxLength: 60 })
      .map((ops) => post('batch', json(ops.map((op) => ({ query: op.query, variables: op.variables }))))),
  },
  // Not-a-query operations and introspection.
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'mutation { deleteAll }', 'subscription { events { id } }', 'mutation { __typename }',
      '{ __schema { types { name fields { name type { name ofType { name ofType { name } } } } } } }',
      '{ __type(name: "Entity") { name possibleTypes { name } } }', 'query A { __typename } query B { __typename }',
    ).map((q) => post('operation-type', json({ query: q }))),
  },
  { weight: 1, arbitrary: fc.constant(post('op-name', json({ query: 'query A { __typename }', operationName: 'B' }))) },
  { weight: 1, arbitrary: fc.constant(post('persisted', json({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }))) },
  // Random GraphQL-ish text.
  {
    weight: 3,
    arbitrary: fc.string({ unit: fc.constantFrom('{', '}', '(', ')', '[', ']', ':', '$', '@', '!', '...', '"', '"""', '#', 'query', 'fragment', 'on', 'entity', 'search', 'name', ' ', '\n', 'a', '1', ',', '=', '|', '&', '\\u{FFFF}'), maxLength: 80 })
      .map((q) => post('graphql-noise', json({ query: q }))),
  },
  // Malformed envelopes.
  {
    weight: 3,
    arbitrary: fc.oneof(
      fc.string({ unit: 'binary-ascii', maxLength: 200 }),
      fc.constantFrom('', '{', '{"query":', '{"query": "{ __typename }"', 'null', '[]', '[[]]', '"query"', '123', 'true', '{"query": null}', '{"query": 42}',
        '{"query": ["{ __typename }"]}', '{"query": "{ __typename }", "variables": "not an object"}', '{"query": "{ __typename }", "variables": [1]}',
        '{"query": "{ __typename }", "extensions": 5}', '{"__proto__": {"query": "{ __typename }"}}', '{"query":"{ __typename }"}garbage',
        '\uFEFF{"query":"{ __typename }"}', '{"query": "query($n: Int) { search(text: \\"a\\", first: $n) { score } }", "variables": {"n": 1e999}}'),
      fc.jsonValue({ maxDepth: 5 }).map((v) => JSON.stringify(v)),
      fc.integer({ min: 1_000, max: 20_000 }).map((d) => `${'['.repeat(d)}${']'.repeat(d)}`),
      fc.integer({ min: 1_000, max: 20_000 }).map((d) => `{"query":"{ __typename }","variables":${'{"a":'.repeat(d)}1${'}'.repeat(d)}}`),
    ).map((b) => post('malformed-json', b)),
  },
  // Wrong content types and encodings for a valid body.
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'text/plain', 'text/plain; charset=utf-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml',
      'application/graphql', 'application/json; charset=latin1', 'application/json; charset=utf-16', 'application/octet-stream', '', 'application/jsonp', '*/*',
    ).map((ct) => post('content-type', json({ query: '{ sources { id } }' }), ct === '' ? {} : { 'content-type': ct })),
  },
  { weight: 1, arbitrary: fc.constant(post('bad-gzip', 'not gzip at all', { 'content-type': 'application/json', 'content-encoding': 'gzip' })) },
  { weight: 1, arbitrary: fc.constant(post('bad-encoding', json({ query: '{ sources { id } }' }), { 'content-type': 'application/json', 'content-encoding': 'br, zstd, x-evil' })) },
  // Oversized bodies.
  {
    weight: 2,
    arbitrary: fc.integer({ min: 100_000, max: 3_000_000 }).map((n) => post('oversized', json({ query: `{ search(text: "${'a'.repeat(n)}") { score } }` }))),
  },
  { weight: 1, arbitrary: fc.integer({ min: 100_000, max: 1_000_000 }).map((n) => post('oversized:whitespace', `{"query": "{ __typename }"${' '.repeat(n)}}`)) },
  // Other methods and GET with query strings.
  {
    weight: 2,
    arbitrary: fc.tuple(fc.constantFrom('{ sources { id } }', 'mutation { x }', '{ search(text: "*") { score } }', '{'), fc.boolean(), hostileString)
      .map(([q, preflight, extra]): HostileRequest => ({
        kind: 'get', method: 'GET' as const,
        path: `/graphql?query=${encodeURIComponent(q)}&variables=${encodeURIComponent(wellFormed(extra))}`,
        headers: preflight ? { 'apollo-require-preflight': 'true' } : ({} as Record<string, string>),
      })),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom('PUT', 'DELETE', 'PATCH', 'OPTIONS').map((m) => ({
      kind: 'method', method: m as HostileRequest['method'], path: '/graphql', headers: { 'content-type': 'application/json' }, body: json({ query: '{ sources { id } }' }),
    })),
  },
  { weight: 1, arbitrary: fc.constantFrom('/graphql/../graphql', '/graphql%00', '/%2e%2e/etc/passwd', '/health?x=1', '/nope', '/graphql?query=%ff%fe').map((p) => ({ kind: 'path', method: 'GET' as const, path: p, headers: {} })) },
);
