/**
 * The error-code spec: its schema (the single source of truth for the runtime checks and for
 * `spec/kakao-error-codes.schema.json`), and loading with errors that name the file and field.
 *
 * Nothing here is Kakao-specific: a team can point the generator and the rules at its own table.
 */
import { z } from 'zod';
import { codeFamilies, type SpecShape } from './families.js';
import { generatedNames } from './names.js';
import { readRegularFile, RegularFileError } from './read-file.js';
import { escapeControls, messageText } from './text.js';

/** An ECMAScript IdentifierName: ID_Start / ID_Continue, `$`, `_`, ZWNJ and ZWJ (`café`, `名前`). */
const IDENTIFIER = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*$/u;
const DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/u;
/** With the u flag a surrogate pair is one code point: only a lone surrogate matches. */
const LONE_SURROGATE = /[\ud800-\udfff]/u;

/** A name rule beyond the identifier syntax: the names it rejects and why (the message's "expected"). */
interface NameRule {
  readonly names: ReadonlySet<string>;
  readonly expected: string;
}

const identifier = (what: string, rules: readonly NameRule[]) =>
  rules
    .reduce(
      (schema, rule) => schema.refine((name) => !rule.names.has(name), { error: rule.expected }),
      z.string().regex(IDENTIFIER, { error: `a valid JavaScript identifier for the ${what}` }),
    )
    // The refinements are invisible to JSON Schema; this lets an editor flag the same names.
    .meta({ not: { enum: rules.flatMap((rule) => [...rule.names]).sort() } });

/** Text that can be written as UTF-8 and read back unchanged (a lone surrogate would become U+FFFD). */
const wellFormed = <T extends z.ZodType<string>>(schema: T) =>
  schema.refine((value) => !LONE_SURROGATE.test(value), {
    error: 'text without a lone surrogate (an unpaired \\ud800-\\udfff cannot be written as UTF-8)',
  });

const text = wellFormed(z.string().trim().min(1));

// ES reserved words (and strict-mode ones) that cannot be enum member or binding names.
const RESERVED_WORDS = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'yield let static implements interface package private protected public await'
  ).split(' '),
);

// Every member is also a type alias (`X.Member` as a type in the object style and `.d.ts`), and
// the enum is a type: neither may be a predefined type (TS2457, TS2431).
const TS_PREDEFINED_TYPES = new Set(['any', 'bigint', 'boolean', 'never', 'number', 'object', 'string', 'symbol', 'undefined', 'unknown']);

const NOT_RESERVED = (what: string): NameRule => ({
  names: RESERVED_WORDS,
  expected: `an identifier that is not a reserved word (${what})`,
});
const NOT_PREDEFINED_TYPE = (what: string): NameRule => ({
  names: TS_PREDEFINED_TYPES,
  expected: `${what === 'enum name' ? 'an enum name' : `an ${what}`} that is not a TypeScript predefined type name (${[...TS_PREDEFINED_TYPES].join(', ')})`,
});

const MEMBER_NAME_RULES: readonly NameRule[] = [
  NOT_RESERVED('enum member name'),
  NOT_PREDEFINED_TYPE('enum member name'),
  {
    names: new Set(['__proto__']),
    expected: 'a name other than "__proto__" (in the object style it would set the prototype instead of adding a member)',
  },
];

const ENUM_NAME_RULES: readonly NameRule[] = [
  NOT_RESERVED('enum name'),
  {
    names: new Set(['eval', 'arguments']),
    expected: 'an enum name other than eval or arguments (modules are strict code, where they cannot be declared)',
  },
  NOT_PREDEFINED_TYPE('enum name'),
  {
    // The generated types use the enum name where these words are operators (`keyof X`, `readonly X[]`).
    names: new Set(['as', 'infer', 'keyof', 'readonly', 'unique']),
    expected: 'an enum name that is not a TypeScript type operator (as, infer, keyof, readonly, unique)',
  },
  {
    names: new Set(['Object']),
    expected: 'a name other than "Object" (the generated code uses the global Object)',
  },
  {
    // The parameters of Node's CommonJS wrapper: a top-level `const exports` there is a SyntaxError.
    names: new Set(['exports', 'require', 'module', '__filename', '__dirname']),
    expected: 'an enum name that a CommonJS module does not already declare (exports, require, module, __filename, __dirname)',
  },
];

export const httpStatusSchema = z.strictObject({
  status: z.int().min(100).max(599).describe('The HTTP status code.'),
  name: text.describe('The reason phrase, e.g. "Bad Request".'),
  result: z.enum(['success', 'fail']).describe('Whether a response with this status succeeded.'),
  description: text.describe('What the status means for this API.'),
});

const codeFields = {
  name: identifier('enum member name', MEMBER_NAME_RULES).describe(
    'The enum member name (PascalCase). Public API: renaming it breaks users.',
  ),
  httpStatus: z
    .int()
    .nullable()
    .describe('The HTTP status sent with this code; null where no source documents one.'),
  summary: text.describe('A short lower-case phrase used in lint messages.'),
  description: text.describe('What the code means.'),
  solution: text.optional().describe('What the caller should do about it.'),
  retryable: z.boolean().describe('Transient: sending the same request again later can succeed.'),
  deprecated: z.boolean().describe('The code itself signals use of a deprecated API.'),
  source: text.optional().describe('Where the code is documented (a page, an SDK file).'),
  note: text.optional().describe('Where sources disagree, or anything else worth knowing.'),
};

export const errorCodeSchema = z.strictObject({
  code: z.int().describe('The error code as the API returns it in the response body.'),
  ...codeFields,
});

export const stringErrorCodeSchema = z.strictObject({
  code: wellFormed(z.string().min(1))
    .refine((code) => code.trim() === code, { error: 'a code without leading or trailing white space' })
    .describe('The error code as the API returns it in the response body.'),
  ...codeFields,
});

const familyFields = {
  enumName: identifier('enum name', ENUM_NAME_RULES).describe('The name of the generated enum (or object and type).'),
  description: text.optional().describe('What the family is, e.g. where the API returns these codes.'),
  source: text.optional().describe('Where the table comes from.'),
};

/**
 * A further family of codes beside the spec's own `codes`, with its own enum: `valueType` says
 * whether its codes are integers or strings (e.g. an OAuth server's `"E123"`).
 */
export const codeFamilySchema = z.discriminatedUnion('valueType', [
  z.strictObject({
    ...familyFields,
    valueType: z.literal('integer').describe('The codes are integers.'),
    codes: z.array(errorCodeSchema).min(1, { error: 'at least one error code' }),
  }),
  z.strictObject({
    ...familyFields,
    valueType: z.literal('string').describe('The codes are strings.'),
    codes: z.array(stringErrorCodeSchema).min(1, { error: 'at least one error code' }),
  }),
]);

const deprecationFields = {
  status: z
    .enum(['terminated', 'legacy'])
    .describe('terminated: no longer served; legacy: still served but superseded.'),
  replacement: text.nullable().describe('What to use instead, or null where nothing replaces it.'),
  since: z
    .string()
    .regex(DATE, { error: 'a date as YYYY, YYYY-MM or YYYY-MM-DD' })
    .nullable()
    .describe('When it was deprecated or terminated.'),
  source: text.describe('Where the deprecation is announced.'),
  note: text.optional(),
};

export const deprecatedEndpointSchema = z.strictObject({
  path: z
    .string()
    .regex(/^\/[^\s?#]*$/u, { error: 'a path starting with "/" (a trailing "*" matches any rest)' })
    .describe('The endpoint path; a trailing "/*" matches every path below it.'),
  hosts: z.array(text).min(1).describe('The hosts that serve this path.'),
  ...deprecationFields,
});

export const deprecatedMemberSchema = z.strictObject({
  member: z
    .string()
    .regex(/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+(?:\.\*)?$/u, {
      error: 'a dotted member path such as "Kakao.Auth.getStatus", or a namespace such as "Kakao.Link.*"',
    })
    .describe('A member of an SDK, as a dotted path; a trailing ".*" stands for a whole namespace and everything in it.'),
  ...deprecationFields,
  replacementCall: z
    .enum(['sameArguments', 'callbackToPromise', 'rewrite'])
    .optional()
    .describe(
      'How a call migrates: sameArguments (the default) keeps the arguments; callbackToPromise: the replacement takes no arguments and returns a Promise of what the member passed to its one callback, so old(cb) becomes new().then(cb); rewrite: the replacement works differently, so the call is rewritten by hand (no suggestion).',
    ),
});

const specObjectSchema = z.strictObject({
    $schema: wellFormed(z.string()).optional(),
    api: z.strictObject({
      name: text.describe('The API name used in messages, e.g. "Kakao".'),
      hosts: z.array(text).min(1).describe('Hosts that serve the API.'),
    }),
    enumName: identifier('enum name', ENUM_NAME_RULES).describe('The name of the generated enum of `codes`.'),
    source: text.optional().describe('Where the table comes from.'),
    httpStatuses: z.array(httpStatusSchema).min(1),
    codes: z.array(errorCodeSchema).min(1, { error: 'at least one error code' }),
    families: z
      .array(codeFamilySchema)
      .default([])
      .describe('Further code families, each with its own enum in the same generated module.'),
    deprecatedEndpoints: z.array(deprecatedEndpointSchema).default([]),
    deprecatedMembers: z.array(deprecatedMemberSchema).default([]),
  });

export const specSchema = specObjectSchema.superRefine((spec, ctx) => {
    const reportDuplicates = <T>(
      items: readonly T[],
      key: (item: T) => string | number,
      collection: string | readonly (string | number)[],
      field: string,
    ) => {
      const path = typeof collection === 'string' ? [collection] : collection;
      const firstIndex = new Map<string | number, number>();
      items.forEach((item, index) => {
        const value = key(item);
        const first = firstIndex.get(value);
        if (first === undefined) {
          firstIndex.set(value, index);
          return;
        }
        ctx.addIssue({
          code: 'custom',
          path: [...path, index, field],
          message: `a unique ${field}, but ${JSON.stringify(value)} is already used by ${formatPath(path)}[${first}]`,
        });
      });
    };
    reportDuplicates(spec.httpStatuses, (s) => s.status, 'httpStatuses', 'status');
    reportDuplicates(spec.codes, (c) => c.code, 'codes', 'code');
    reportDuplicates(spec.codes, (c) => c.name, 'codes', 'name');
    reportDuplicates(spec.deprecatedEndpoints, (e) => e.path, 'deprecatedEndpoints', 'path');
    reportDuplicates(spec.deprecatedMembers, (m) => m.member, 'deprecatedMembers', 'member');

    spec.families.forEach((family, index) => {
      const collection = ['families', index, 'codes'];
      reportDuplicates<{ code: string | number }>(family.codes, (c) => c.code, collection, 'code');
      reportDuplicates<{ name: string }>(family.codes, (c) => c.name, collection, 'name');
    });
    reportGeneratedNameClashes(spec, ctx);

    const statuses = new Set(spec.httpStatuses.map((s) => s.status));
    for (const family of codeFamilies(spec)) {
      family.codes.forEach((entry: ErrorCodeEntry | StringErrorCodeEntry, index) => {
        const path = [...family.path, 'codes', index];
        if (entry.httpStatus !== null && !statuses.has(entry.httpStatus)) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'httpStatus'],
            message: `an HTTP status listed in httpStatuses (${[...statuses].join(', ')}) or null, but got ${entry.httpStatus}`,
          });
        }
        if (typeof entry.code === 'number' && !Number.isSafeInteger(entry.code)) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'code'],
            message: `a safe integer, but got ${entry.code}`,
          });
        }
      });
    }
  });

/**
 * Every family's generated module exports one set of names (`getXInfo`, `isX`…): two families whose
 * names meet (`Foo` and `FooInfo`: both give `FooInfo`) would declare one twice.
 */
function reportGeneratedNameClashes(spec: SpecShape, ctx: z.core.$RefinementCtx): void {
  const owners = new Map<string, string>();
  for (const family of codeFamilies(spec)) {
    const where = family.path.length === 0 ? 'enumName' : `${formatPath(family.path)}.enumName`;
    // Within one family the interface and the table may share a name (`typeInfo`): one is a type, one a value.
    const generated: Readonly<Record<string, string>> = { ...generatedNames(family.enumName) };
    const names = new Set(Object.values(generated));
    for (const name of names) {
      const owner = owners.get(name);
      if (owner === undefined) continue;
      ctx.addIssue({
        code: 'custom',
        path: [...family.path, 'enumName'],
        message: `an enum name whose generated names do not clash with another family's, but ${JSON.stringify(name)} is already generated for ${owner}`,
      });
      return;
    }
    for (const name of names) owners.set(name, where);
  }
}

export type Spec = z.output<typeof specObjectSchema>;
export type SpecInput = z.input<typeof specObjectSchema>;
export type ErrorCodeEntry = Spec['codes'][number];
export type StringErrorCodeEntry = z.output<typeof stringErrorCodeSchema>;
export type CodeFamilySpec = Spec['families'][number];
export type HttpStatusEntry = Spec['httpStatuses'][number];
export type DeprecatedEndpoint = Spec['deprecatedEndpoints'][number];
export type DeprecatedMember = Spec['deprecatedMembers'][number];

/** A spec that cannot be used; `message` is one line naming the source, the field and what was expected. */
export class SpecError extends Error {
  override readonly name = 'SpecError';
}

/**
 * `['codes', 3, 'name']` → `codes[3].name`. Keys come from the spec file, so each is escaped and
 * shortened (`\n`, `…`) to keep a message on one short line.
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else {
      const key = messageText(String(part));
      out += out === '' ? key : `.${key}`;
    }
  }
  return out === '' ? '(root)' : out;
}

/** At most this many unknown keys are named in one message. */
const MAX_KEYS_NAMED = 3;

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = formatPath(issue.path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const named = issue.keys
        .slice(0, MAX_KEYS_NAMED)
        .map((key) => `${formatPath([...issue.path, key])}: unknown field (remove it or check its spelling)`);
      const more = issue.keys.length - MAX_KEYS_NAMED;
      return `${named.join('; ')}${more > 0 ? ` (and ${more} more unknown field${more === 1 ? '' : 's'})` : ''}`;
    }
    case 'invalid_type':
      if (issue.input === undefined) return `${where}: missing required field (expected ${describeType(issue.expected)})`;
      if (typeof issue.input === 'number' && !Number.isFinite(issue.input)) {
        return `${where}: expected a finite ${issue.expected === 'int' ? 'integer' : 'number'}, got ${describeValue(issue.input)}`;
      }
      // A document that is not an object at all may be some other file: name its kind, not its value.
      if (issue.path.length === 0) return `${where}: expected ${describeType(issue.expected)}, got ${describeKind(issue.input)}`;
      return `${where}: expected ${describeType(issue.expected)}, got ${describeValue(issue.input)}`;
    case 'custom':
      return issue.input === undefined || issue.message.includes(', but ')
        ? `${where}: expected ${issue.message}`
        : `${where}: expected ${issue.message}, got ${describeValue(issue.input)}`;
    case 'invalid_format':
      return `${where}: expected ${issue.message.startsWith('Invalid') ? `a string matching ${issue.pattern ?? issue.format}` : issue.message}, got ${describeValue(issue.input)}`;
    case 'too_small':
      return `${where}: expected ${issue.origin === 'array' ? `at least ${String(issue.minimum)} item${issue.minimum === 1 ? '' : 's'}` : issue.origin === 'string' ? 'a non-empty string' : `a value >= ${String(issue.minimum)}`}, got ${describeValue(issue.input)}`;
    case 'too_big':
      return `${where}: expected a value <= ${String(issue.maximum)}, got ${describeValue(issue.input)}`;
    case 'invalid_union': {
      // A family whose valueType is neither kind: name the kinds, as for any other enum field.
      if (issue.discriminator === undefined) return `${where}: ${messageText(issue.message, 200)}`;
      const input: unknown = issue.input;
      const value = typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[issue.discriminator] : undefined;
      const kinds = codeFamilySchema.options.map((option) => JSON.stringify(option.shape.valueType.value)).join(', ');
      return value === undefined
        ? `${where}: missing required field (expected one of ${kinds})`
        : `${where}: expected one of ${kinds}, got ${describeValue(value)}`;
    }
    case 'invalid_value':
      return `${where}: expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describeValue(issue.input)}`;
    default:
      return `${where}: ${messageText(issue.message, 200)}`;
  }
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  int: 'an integer',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
  null: 'null',
};

function describeType(expected: string): string {
  return TYPE_NAMES[expected] ?? expected;
}

function describeKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    return value.length === 0 ? 'an empty array' : `an array of ${value.length} item${value.length === 1 ? '' : 's'}`;
  }
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return messageText(JSON.stringify(value));
}

/** Validates parsed JSON; `sourceName` (a file path or "settings.kakao.spec") heads every message. */
export function parseSpec(data: unknown, sourceName: string): Spec {
  const result = specSchema.safeParse(data, { reportInput: true });
  if (result.success) return result.data;
  const issues = result.error.issues;
  const details = issues.slice(0, 5).map(describeIssue).join('; ');
  const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : '';
  throw new SpecError(`${escapeControls(sourceName)}: invalid spec: ${details}${more}`);
}

/** The largest spec file read; a bigger one (or `/dev/zero`) is an error, not a memory blow-up. */
export const MAX_SPEC_BYTES = 8 * 1024 * 1024;

/**
 * Reads, parses and validates a spec file. Throws SpecError (never a raw fs or JSON error). Only a
 * regular file is read (a FIFO or device is refused without blocking), and no message quotes the
 * file's content unless it parsed as JSON: `--spec /etc/shadow` must not print a password hash.
 */
export function loadSpecFile(file: string): Spec {
  const name = escapeControls(file);
  let raw: string;
  try {
    raw = readRegularFile(file, { maxBytes: MAX_SPEC_BYTES, expected: 'a JSON file' });
  } catch (error) {
    if (error instanceof RegularFileError) throw new SpecError(`${name}: ${error.reason}`);
    throw error;
  }
  let data: unknown;
  const json = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  try {
    data = JSON.parse(json);
  } catch {
    throw new SpecError(`${name}: invalid JSON${describeJsonError(json)}`);
  }
  return parseSpec(data, file);
}

/**
 * ` at line 4, column 3: expected a double-quoted property name`, found by a small scanner of our
 * own: V8's messages quote the text around the error, which may be a secret when the "spec" is
 * some other file.
 */
function describeJsonError(text: string): string {
  const error = findJsonError(text);
  if (error === undefined) return '';
  const before = text.slice(0, error.offset).split('\n');
  const column = (before.at(-1)?.length ?? 0) + 1;
  return ` at line ${before.length}, column ${column}: ${error.reason}`;
}

const JSON_NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const JSON_ESCAPE = /\\(?:["\\/bfnrt]|u[\dA-Fa-f]{4})/y;

/** The offset and reason of the first JSON syntax error in `text`; iterative, so deep nesting cannot overflow. */
export function findJsonError(text: string): { offset: number; reason: string } | undefined {
  let i = 0;
  const stack: string[] = [];
  const fail = (reason: string) => ({ offset: i, reason });
  const skipSpace = () => {
    while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i++;
  };
  /** Scans a string at `i` (on its opening quote); returns a reason on failure. */
  const scanString = (): string | undefined => {
    i++;
    for (;;) {
      if (i >= text.length) return 'unterminated string';
      const code = text.charCodeAt(i);
      if (code === 0x22) {
        i++;
        return undefined;
      }
      if (code === 0x5c) {
        JSON_ESCAPE.lastIndex = i;
        if (!JSON_ESCAPE.test(text)) return 'invalid escape sequence in a string';
        i = JSON_ESCAPE.lastIndex;
      } else if (code < 0x20) {
        return 'a control character in a string (escape it)';
      } else {
        i++;
      }
    }
  };
  /** After `{` or `,` in an object: a key and a colon. */
  const scanKey = (): string | undefined => {
    skipSpace();
    if (text.charAt(i) !== '"') return i >= text.length ? 'unexpected end of the file, expected a property name' : 'expected a double-quoted property name';
    const problem = scanString();
    if (problem !== undefined) return problem;
    skipSpace();
    if (text.charAt(i) !== ':') return 'expected ":" after the property name';
    i++;
    return undefined;
  };
  let wantValue = true;
  for (;;) {
    skipSpace();
    if (wantValue) {
      if (i >= text.length) return fail('unexpected end of the file, expected a value');
      const ch = text.charAt(i);
      if (ch === '{' || ch === '[') {
        i++;
        skipSpace();
        if (text.charAt(i) === (ch === '{' ? '}' : ']')) {
          i++;
          wantValue = false;
          continue;
        }
        stack.push(ch);
        if (ch === '{') {
          const problem = scanKey();
          if (problem !== undefined) return fail(problem);
        }
        continue;
      }
      if (ch === '"') {
        const problem = scanString();
        if (problem !== undefined) return fail(problem);
      } else if (ch === '-' || (ch >= '0' && ch <= '9')) {
        JSON_NUMBER.lastIndex = i;
        if (!JSON_NUMBER.test(text)) return fail('invalid number');
        i = JSON_NUMBER.lastIndex;
      } else {
        const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, i));
        if (literal === undefined) return fail('unexpected character, expected a value');
        i += literal.length;
      }
      wantValue = false;
      continue;
    }
    const open = stack.at(-1);
    if (open === undefined) return i < text.length ? fail('unexpected text after the JSON value') : undefined;
    const close = open === '{' ? '}' : ']';
    if (i >= text.length) return fail(`unexpected end of the file, expected "," or "${close}"`);
    const ch = text.charAt(i);
    if (ch === close) {
      i++;
      stack.pop();
    } else if (ch === ',') {
      i++;
      wantValue = true;
      if (open === '{') {
        const problem = scanKey();
        if (problem !== undefined) return fail(problem);
      }
    } else {
      return fail(`expected "," or "${close}"`);
    }
  }
}

/** The JSON Schema written to spec/kakao-error-codes.schema.json (draft-07). */
export function specJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(specSchema, { target: 'draft-7', io: 'input' });
}

