/**
 * The error-code spec: its schema (the single source of truth for the runtime checks and for
 * `spec/kakao-error-codes.schema.json`), and loading with errors that name the file and field.
 *
 * Nothing here is Kakao-specific: a team can point the generator and the rules at its own table.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/u;
const DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/u;

const identifier = (what: string) =>
  z
    .string()
    .regex(IDENTIFIER, { error: `a valid JavaScript identifier for the ${what}` })
    .refine((name) => !RESERVED_WORDS.has(name), {
      error: `an identifier that is not a reserved word (${what})`,
    });

const text = z.string().trim().min(1);

export const httpStatusSchema = z.strictObject({
  status: z.int().min(100).max(599).describe('The HTTP status code.'),
  name: text.describe('The reason phrase, e.g. "Bad Request".'),
  result: z.enum(['success', 'fail']).describe('Whether a response with this status succeeded.'),
  description: text.describe('What the status means for this API.'),
});

export const errorCodeSchema = z.strictObject({
  code: z.int().describe('The error code as the API returns it in the response body.'),
  name: identifier('enum member name').describe(
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
  note: text.optional().describe('Where sources disagree, or anything else worth knowing.'),
});

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
    .regex(/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/u, {
      error: 'a dotted member path such as "Kakao.Auth.getStatus"',
    })
    .describe('A member of an SDK, as a dotted path.'),
  ...deprecationFields,
  replacementCall: z
    .enum(['sameArguments', 'callbackToPromise'])
    .optional()
    .describe(
      'How a call migrates: sameArguments (the default) keeps the arguments; callbackToPromise: the replacement takes no arguments and returns a Promise of what the member passed to its one callback, so old(cb) becomes new().then(cb).',
    ),
});

export const specSchema = z
  .strictObject({
    $schema: z.string().optional(),
    api: z.strictObject({
      name: text.describe('The API name used in messages, e.g. "Kakao".'),
      hosts: z.array(text).min(1).describe('Hosts that serve the API.'),
    }),
    enumName: identifier('enum name').describe('The name of the generated enum.'),
    source: text.optional().describe('Where the table comes from.'),
    httpStatuses: z.array(httpStatusSchema).min(1),
    codes: z.array(errorCodeSchema).min(1, { error: 'at least one error code' }),
    deprecatedEndpoints: z.array(deprecatedEndpointSchema).default([]),
    deprecatedMembers: z.array(deprecatedMemberSchema).default([]),
  })
  .superRefine((spec, ctx) => {
    const reportDuplicates = <T>(
      items: readonly T[],
      key: (item: T) => string | number,
      collection: string,
      field: string,
    ) => {
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
          path: [collection, index, field],
          message: `a unique ${field}, but ${JSON.stringify(value)} is already used by ${collection}[${first}]`,
        });
      });
    };
    reportDuplicates(spec.httpStatuses, (s) => s.status, 'httpStatuses', 'status');
    reportDuplicates(spec.codes, (c) => c.code, 'codes', 'code');
    reportDuplicates(spec.codes, (c) => c.name, 'codes', 'name');
    reportDuplicates(spec.deprecatedEndpoints, (e) => e.path, 'deprecatedEndpoints', 'path');
    reportDuplicates(spec.deprecatedMembers, (m) => m.member, 'deprecatedMembers', 'member');

    const statuses = new Set(spec.httpStatuses.map((s) => s.status));
    spec.codes.forEach((entry, index) => {
      if (entry.httpStatus !== null && !statuses.has(entry.httpStatus)) {
        ctx.addIssue({
          code: 'custom',
          path: ['codes', index, 'httpStatus'],
          message: `an HTTP status listed in httpStatuses (${[...statuses].join(', ')}) or null, but got ${entry.httpStatus}`,
        });
      }
      if (!Number.isSafeInteger(entry.code)) {
        ctx.addIssue({
          code: 'custom',
          path: ['codes', index, 'code'],
          message: `a safe integer, but got ${entry.code}`,
        });
      }
    });
  });

export type Spec = z.output<typeof specSchema>;
export type SpecInput = z.input<typeof specSchema>;
export type ErrorCodeEntry = Spec['codes'][number];
export type HttpStatusEntry = Spec['httpStatuses'][number];
export type DeprecatedEndpoint = Spec['deprecatedEndpoints'][number];
export type DeprecatedMember = Spec['deprecatedMembers'][number];

/** A spec that cannot be used; `message` is one line naming the source, the field and what was expected. */
export class SpecError extends Error {
  override readonly name = 'SpecError';
}

/** `['codes', 3, 'name']` → `codes[3].name`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(root)' : out;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = formatPath(issue.path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys
        .map((key) => `${formatPath([...issue.path, key])}: unknown field (remove it or check its spelling)`)
        .join('; ');
    case 'invalid_type':
      if (issue.input === undefined) return `${where}: missing required field (expected ${describeType(issue.expected)})`;
      if (typeof issue.input === 'number' && !Number.isFinite(issue.input)) {
        return `${where}: expected a finite ${issue.expected === 'int' ? 'integer' : 'number'}, got ${describeValue(issue.input)}`;
      }
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
    case 'invalid_value':
      return `${where}: expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describeValue(issue.input)}`;
    default:
      return `${where}: ${issue.message}`;
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

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    return value.length === 0 ? 'an empty array' : `an array of ${value.length} item${value.length === 1 ? '' : 's'}`;
  }
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  const json = JSON.stringify(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

/** Validates parsed JSON; `sourceName` (a file path or "settings.kakao.spec") heads every message. */
export function parseSpec(data: unknown, sourceName: string): Spec {
  const result = specSchema.safeParse(data, { reportInput: true });
  if (result.success) return result.data;
  const issues = result.error.issues;
  const details = issues.slice(0, 5).map(describeIssue).join('; ');
  const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : '';
  throw new SpecError(`${sourceName}: invalid spec: ${details}${more}`);
}

/** Reads, parses and validates a spec file. Throws SpecError (never a raw fs or JSON error). */
export function loadSpecFile(file: string): Spec {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory, expected a JSON file' : `cannot read it (${code ?? String(error)})`;
    throw new SpecError(`${file}: ${reason}`);
  }
  let data: unknown;
  const json = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new SpecError(`${file}: invalid JSON: ${withLineAndColumn((error as Error).message, json)}`);
  }
  return parseSpec(data, file);
}

/** `... at position 32` → `... at position 32 (line 4, column 3)`. */
function withLineAndColumn(message: string, text: string): string {
  const match = /at position (\d+)/u.exec(message);
  if (match === null || /line \d+/u.test(message)) return message;
  const position = Number(match[1]);
  const before = text.slice(0, position).split('\n');
  const column = (before.at(-1)?.length ?? 0) + 1;
  return `${message} (line ${before.length}, column ${column})`;
}

/** The JSON Schema written to spec/kakao-error-codes.schema.json (draft-07). */
export function specJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(specSchema, { target: 'draft-7', io: 'input' });
}

// ES reserved words (and strict-mode ones) that cannot be enum member or binding names.
const RESERVED_WORDS = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'yield let static implements interface package private protected public await'
  ).split(' '),
);
