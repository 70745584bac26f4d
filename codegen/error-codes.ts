/**
 * The structures of the generated error-code module: the enum (or `as const` object), the
 * metadata table and its helpers. One builder per statement; `errorCodesStatements` puts them in
 * order for one output flavour. Nothing here is specific to Kakao: every name derives from
 * `spec.enumName` and every text from the spec.
 */
import { generatedMarkerLine } from '../core/generated-marker.js';
import {
  ModuleDeclarationKind,
  StructureKind,
  type CodeBlockWriter,
  type FunctionDeclarationStructure,
  type InterfaceDeclarationStructure,
  type JSDocStructure,
  type JSDocTagStructure,
  type ModuleDeclarationStructure,
  type OptionalKind,
  type StatementStructures,
  type TypeAliasDeclarationStructure,
  type WriterFunction,
} from 'ts-morph';
import { codeFamilies, type CodeFamily } from '../core/families.js';
import type { ErrorCodeEntry, Spec, StringErrorCodeEntry } from '../core/spec.js';
import { compareCodes, generatedNames, type GeneratedNames } from '../core/names.js';
import { commentText, jsDocText, jsString } from '../core/text.js';

/**
 * What to emit:
 * - `const-enum` / `enum` / `object`: a TypeScript module;
 * - `js`: the JavaScript ES module of the object style (types as JSDoc, for `checkJs`);
 * - `cjs`: the same as a CommonJS module (`exports.name = name` assignments);
 * - `dts`: the declaration file that goes beside `js` or `cjs` (the same for both).
 */
export type Flavour = 'const-enum' | 'enum' | 'object' | 'js' | 'cjs' | 'dts';

/** JavaScript flavours carry their types in JSDoc. */
function isJavaScript(flavour: Flavour): flavour is 'js' | 'cjs' {
  return flavour === 'js' || flavour === 'cjs';
}

/** One code of any family. */
type CodeEntry = ErrorCodeEntry | StringErrorCodeEntry;

/**
 * Codes sorted: integers by |code| ascending, then by code (so -1 comes before 1); strings by
 * UTF-16 code units, which no locale changes.
 */
export function sortedCodes<T extends CodeEntry>(codes: readonly T[]): T[] {
  return [...codes].sort((a, b) =>
    typeof a.code === 'number' && typeof b.code === 'number'
      ? compareCodes(a.code, b.code)
      : a.code < b.code
        ? -1
        : a.code > b.code
          ? 1
          : 0,
  );
}

/** A code as a literal: `-401`, `"KOE320"`. */
function codeLiteral(code: number | string): string {
  return typeof code === 'number' ? String(code) : jsString(code);
}

/** What the statements of one family need: its names, sorted codes and value type. */
interface FamilyOutput {
  readonly family: CodeFamily;
  readonly names: GeneratedNames;
  readonly codes: readonly CodeEntry[];
  /** `number` or `string`: the type of a code, for the table's index signature and the lookup's guard. */
  readonly codeType: 'number' | 'string';
}

export interface StatementsOptions {
  readonly flavour: Flavour;
  /** Shown in the header; a base name only, never a path. */
  readonly specName: string;
  /** The `--style` shown in the header's regenerate hint. */
  readonly style: 'const-enum' | 'enum' | 'object';
}

/** The two header lines: the "DO NOT EDIT" marker and how to regenerate. */
export function headerLines(specName: string, style: string): string[] {
  const name = commentText(specName);
  return [
    generatedMarkerLine(name),
    `// To change it, edit ${name}, then run: kakao-codegen --style ${style} --spec <that file> --out <this file>`,
  ];
}

/** Every statement of one output file, in order. */
export function errorCodesStatements(spec: Spec, options: StatementsOptions): (string | WriterFunction | StatementStructures)[] {
  const { flavour } = options;
  const statements: (string | WriterFunction | StatementStructures)[] = [headerLines(options.specName, options.style).join('\n')];
  // ES modules are strict anyway; a CommonJS module opts in, so both run the same way.
  if (flavour === 'cjs') statements.push('"use strict";');
  const families = codeFamilies(spec).map(
    (family): FamilyOutput => ({
      family,
      names: generatedNames(family.enumName),
      codes: sortedCodes<CodeEntry>(family.codes),
      codeType: family.valueType === 'integer' ? 'number' : 'string',
    }),
  );
  for (const output of families) statements.push(...familyStatements(spec, output, flavour));
  if (flavour === 'cjs') statements.push(commonJsExports(families.map((output) => output.names)));
  // One blank line between top-level statements, whatever ts-morph's default for their kind.
  return statements.flatMap((statement, index) => (index === 0 ? [statement] : [blankLine, statement]));
}

/** One family's enum (or object and type), metadata table, helpers and retryable list. */
function familyStatements(spec: Spec, output: FamilyOutput, flavour: Flavour): (WriterFunction | StatementStructures)[] {
  const { names, codes } = output;
  const statements: (WriterFunction | StatementStructures)[] = [];
  if (flavour === 'const-enum' || flavour === 'enum') {
    statements.push(enumDeclaration(spec, output, flavour === 'const-enum'));
  } else {
    statements.push(enumObject(spec, output, flavour));
    if (!isJavaScript(flavour)) statements.push(enumTypeAlias(names), enumMemberTypes(names, codes));
  }
  statements.push(
    isJavaScript(flavour) ? infoTypedef(names) : infoInterface(names),
    infoTable(output, flavour),
    ...helperFunctions(output, flavour),
    retryableList(names, codes, flavour),
  );
  return statements;
}

const blankLine: WriterFunction = (writer) => {
  writer.blankLineIfLastNot();
};

// --- docs ---------------------------------------------------------------------------------------

function doc(description: string, tags: OptionalKind<JSDocTagStructure>[] = []): OptionalKind<JSDocStructure> {
  return { description, tags };
}

function enumDoc(spec: Spec, { description, source }: CodeFamily): OptionalKind<JSDocStructure> {
  const lines = [
    description === undefined
      ? `Error codes of the ${jsDocText(spec.api.name)} API, generated from the spec.`
      : `${jsDocText(description)} Generated from the spec.`,
  ];
  if (source !== undefined) lines.push('', `Source: ${jsDocText(source)}`);
  return doc(lines.join('\n'));
}

/** The JSDoc of one code: description, HTTP status, retryable, solution, source, note, `@deprecated`. */
function memberDoc(entry: CodeEntry): OptionalKind<JSDocStructure> {
  const status = entry.httpStatus === null ? 'not documented' : String(entry.httpStatus);
  const lines = [jsDocText(entry.description), '', `HTTP status: ${status}. Retryable: ${entry.retryable ? 'yes' : 'no'}.`];
  if (entry.solution !== undefined) lines.push('', `Solution: ${jsDocText(entry.solution)}`);
  if (entry.source !== undefined) lines.push('', `Source: ${jsDocText(entry.source)}`);
  if (entry.note !== undefined) lines.push('', `Note: ${jsDocText(entry.note)}`);
  const tags: OptionalKind<JSDocTagStructure>[] = [];
  if (entry.deprecated) {
    tags.push({ tagName: 'deprecated', text: jsDocText(entry.solution ?? entry.summary) });
  }
  return doc(lines.join('\n'), tags);
}

/** Writes a JSDoc block in a writer (object literals and type literals), formatted as ts-morph does. */
function writeDoc(writer: CodeBlockWriter, structure: OptionalKind<JSDocStructure>): void {
  const description = typeof structure.description === 'string' ? structure.description : '';
  const lines = description === '' ? [] : description.split('\n');
  for (const tag of structure.tags ?? []) {
    const text = typeof tag.text === 'string' && tag.text !== '' ? ` ${tag.text}` : '';
    lines.push(...`@${tag.tagName}${text}`.split('\n'));
  }
  if (lines.length === 1) {
    writer.writeLine(`/** ${lines[0] ?? ''} */`);
    return;
  }
  writer.writeLine('/**');
  for (const line of lines) writer.writeLine(line === '' ? ' *' : ` * ${line}`);
  writer.writeLine(' */');
}

interface ExportedConst {
  readonly docs: OptionalKind<JSDocStructure>;
  readonly name: string;
  /** `dts`: `export declare const`, with a type and no initializer; `cjs`: a plain `const`, exported at the end. */
  readonly flavour: Flavour;
  readonly type?: string | WriterFunction | undefined;
  readonly initializer?: string | WriterFunction | undefined;
}

/**
 * `[export [declare]] const name[: type][ = initializer];` as a statement writer: ts-morph's
 * VariableStatement printer would give a multi-line initializer a hanging indent.
 */
function exportedConst(declaration: ExportedConst): WriterFunction {
  const write = (writer: CodeBlockWriter, part: string | WriterFunction) => {
    if (typeof part === 'string') writer.write(part);
    else part(writer);
  };
  return (writer) => {
    writer.blankLineIfLastNot();
    writeDoc(writer, declaration.docs);
    const { flavour } = declaration;
    const keywords = flavour === 'dts' ? 'export declare const' : flavour === 'cjs' ? 'const' : 'export const';
    writer.write(`${keywords} ${declaration.name}`);
    if (declaration.type !== undefined) {
      writer.write(': ');
      write(writer, declaration.type);
    }
    if (declaration.initializer !== undefined) {
      writer.write(' = ');
      write(writer, declaration.initializer);
    }
    writer.write(';');
  };
}

// --- the enum -----------------------------------------------------------------------------------

function enumDeclaration(spec: Spec, { family, codes }: FamilyOutput, isConst: boolean): StatementStructures {
  return {
    kind: StructureKind.Enum,
    name: family.enumName,
    isExported: true,
    isConst,
    docs: [enumDoc(spec, family)],
    // The trailing comma is written with the value: ts-morph otherwise inserts each separating
    // comma into its writer's buffer afterwards, which is quadratic (4 s for 10,000 members).
    members: codes.map((entry) => ({ name: entry.name, initializer: `${codeLiteral(entry.code)},`, docs: [memberDoc(entry)] })),
  };
}

/** `export const X = { ... } as const` (TS), `Object.freeze({ ... })` (JS, CJS) or `declare const X: { ... }` (d.ts). */
function enumObject(spec: Spec, { family, codes }: FamilyOutput, flavour: Flavour): WriterFunction {
  const members: WriterFunction = (writer) => {
    writer.inlineBlock(() => {
      for (const entry of codes) {
        writeDoc(writer, memberDoc(entry));
        const value = codeLiteral(entry.code);
        writer.writeLine(flavour === 'dts' ? `readonly ${entry.name}: ${value};` : `${entry.name}: ${value},`);
      }
    });
  };
  return exportedConst({
    docs: enumDoc(spec, family),
    name: family.enumName,
    flavour,
    type: flavour === 'dts' ? members : undefined,
    initializer:
      flavour === 'dts'
        ? undefined
        : (writer) => {
            if (isJavaScript(flavour)) {
              writer.write('Object.freeze(');
              members(writer);
              writer.write(')');
            } else {
              members(writer);
              writer.write(' as const');
            }
          },
  });
}

/** `export type X = (typeof X)[keyof typeof X];` — the union of the codes. */
function enumTypeAlias(names: GeneratedNames): TypeAliasDeclarationStructure {
  const { enumName } = names;
  return {
    kind: StructureKind.TypeAlias,
    name: enumName,
    isExported: true,
    docs: [doc(`One of the {@link ${enumName}} values.`)],
    type: `(typeof ${enumName})[keyof typeof ${enumName}]`,
  };
}

/** `export declare namespace X { type Member = typeof X.Member; }` so `X.Member` works as a type, as with an enum. */
function enumMemberTypes(names: GeneratedNames, codes: readonly CodeEntry[]): ModuleDeclarationStructure {
  const { enumName } = names;
  return {
    kind: StructureKind.Module,
    name: enumName,
    isExported: true,
    hasDeclareKeyword: true,
    declarationKind: ModuleDeclarationKind.Namespace,
    statements: codes.map((entry) => ({
      kind: StructureKind.TypeAlias,
      name: entry.name,
      docs: [memberDoc(entry)],
      type: `typeof ${enumName}.${entry.name}`,
    })),
  };
}

// --- the metadata table ---------------------------------------------------------------------------

interface InfoField {
  readonly name: string;
  readonly type: (names: GeneratedNames) => string;
  readonly doc: (names: GeneratedNames) => string;
  readonly optional?: boolean;
}

const INFO_FIELDS: readonly InfoField[] = [
  { name: 'code', type: (n) => n.enumName, doc: () => 'The code itself.' },
  { name: 'name', type: () => 'string', doc: (n) => `The member name in {@link ${n.enumName}}.` },
  {
    name: 'httpStatus',
    type: () => 'number | null',
    doc: () => 'The HTTP status sent with this code; `null` where no source documents one.',
  },
  { name: 'summary', type: () => 'string', doc: () => 'A short lower-case phrase, e.g. for log and lint messages.' },
  { name: 'description', type: () => 'string', doc: () => 'What the code means.' },
  {
    name: 'solution',
    type: () => 'string',
    doc: () => 'What the caller should do about it, where the spec says.',
    optional: true,
  },
  {
    name: 'retryable',
    type: () => 'boolean',
    doc: () => 'Transient: sending the same request again later can succeed.',
  },
  { name: 'deprecated', type: () => 'boolean', doc: () => 'The code signals use of a deprecated API.' },
  {
    name: 'source',
    type: () => 'string',
    doc: () => 'Where the code is documented, where the spec says.',
    optional: true,
  },
  {
    name: 'note',
    type: () => 'string',
    doc: () => 'Where sources disagree, or anything else worth knowing.',
    optional: true,
  },
];

function infoInterface(names: GeneratedNames): InterfaceDeclarationStructure {
  return {
    kind: StructureKind.Interface,
    name: names.infoType,
    isExported: true,
    docs: [doc(`What the spec says about one {@link ${names.enumName}}.`)],
    properties: INFO_FIELDS.map((field) => ({
      name: field.name,
      isReadonly: true,
      hasQuestionToken: field.optional === true,
      type: field.type(names),
      docs: [field.doc(names)],
    })),
  };
}

/** The JS flavours declare the interface as a JSDoc `@typedef` so `checkJs` can check the table. */
function infoTypedef(names: GeneratedNames): WriterFunction {
  const typeOfCode = `(typeof ${names.enumName})[keyof typeof ${names.enumName}]`;
  const lines = [`What the spec says about one {@link ${names.enumName}}.`, `@typedef {object} ${names.infoType}`];
  for (const field of INFO_FIELDS) {
    const type = field.name === 'code' ? typeOfCode : field.type(names);
    const name = field.optional === true ? `[${field.name}]` : field.name;
    lines.push(`@property {${type}} ${name} ${field.doc(names)}`);
  }
  return (writer) => {
    writer.blankLineIfLastNot();
    writeDoc(writer, doc(lines.join('\n')));
  };
}

function infoTableType({ names, codeType }: FamilyOutput): string {
  return `{ readonly [code: ${codeType}]: ${names.infoType} | undefined }`;
}

/**
 * The runtime metadata, keyed by the code's literal (a const enum has no runtime object). Keys
 * are computed (`["__proto__"]` is an own property, never the prototype).
 */
function infoTable(output: FamilyOutput, flavour: Flavour): WriterFunction {
  const { names, codes } = output;
  // A string enum is nominal: "E1" is not assignable to it, its member is (a number is, to a numeric enum).
  const codeValue = (entry: CodeEntry) =>
    typeof entry.code === 'string' && (flavour === 'const-enum' || flavour === 'enum')
      ? `${names.enumName}.${entry.name}`
      : codeLiteral(entry.code);
  const description = `What the spec says about every {@link ${names.enumName}}, keyed by code. Look codes up with {@link ${names.getInfo}}.`;
  const initializer: WriterFunction = (writer) => {
    writer.write('Object.freeze(');
    writer.inlineBlock(() => {
      for (const entry of codes) {
        writer.write(`[${codeLiteral(entry.code)}]: Object.freeze(`);
        writer.inlineBlock(() => {
          writer.writeLine(`code: ${codeValue(entry)},`);
          writer.writeLine(`name: ${jsString(entry.name)},`);
          writer.writeLine(`httpStatus: ${entry.httpStatus === null ? 'null' : String(entry.httpStatus)},`);
          writer.writeLine(`summary: ${jsString(entry.summary)},`);
          writer.writeLine(`description: ${jsString(entry.description)},`);
          if (entry.solution !== undefined) writer.writeLine(`solution: ${jsString(entry.solution)},`);
          writer.writeLine(`retryable: ${String(entry.retryable)},`);
          writer.writeLine(`deprecated: ${String(entry.deprecated)},`);
          if (entry.source !== undefined) writer.writeLine(`source: ${jsString(entry.source)},`);
          if (entry.note !== undefined) writer.writeLine(`note: ${jsString(entry.note)},`);
        });
        writer.write('),').newLine();
      }
    });
    writer.write(')');
  };
  return exportedConst({
    docs: isJavaScript(flavour) ? doc(description, [{ tagName: 'type', text: `{${infoTableType(output)}}` }]) : doc(description),
    name: names.infoTable,
    flavour,
    type: isJavaScript(flavour) ? undefined : infoTableType(output),
    initializer: flavour === 'dts' ? undefined : initializer,
  });
}

// --- helpers ------------------------------------------------------------------------------------

interface HelperSpec {
  readonly name: string;
  readonly description: string;
  readonly returnType: string;
  /** The return type in JSDoc, where it differs (the JS flavours have no type named after the enum). */
  readonly jsReturnType?: string;
  readonly returns: string;
  readonly body: string;
}

function helperFunctions({ names, codeType }: FamilyOutput, flavour: Flavour): FunctionDeclarationStructure[] {
  const { enumName, infoTable: table, getInfo } = names;
  const example = codeType === 'number' ? 'the `code` field of a response body' : 'the error-code field of a response body';
  const helpers: HelperSpec[] = [
    {
      name: getInfo,
      description: `What the spec says about \`code\`, or \`undefined\` when it is not one of the {@link ${enumName}} values.`,
      returnType: `${names.infoType} | undefined`,
      returns: 'The metadata, or `undefined`.',
      body: `return typeof code === "${codeType}" && Object.prototype.hasOwnProperty.call(${table}, code) ? ${table}[code] : undefined;`,
    },
    {
      name: names.isCode,
      description: `Whether \`code\` is one of the {@link ${enumName}} values.`,
      returnType: `code is ${enumName}`,
      jsReturnType: `code is (typeof ${enumName})[keyof typeof ${enumName}]`,
      returns: `\`true\` for a known code.`,
      body: `return ${getInfo}(code) !== undefined;`,
    },
    {
      name: names.isRetryable,
      description: 'Whether `code` is a known code marked transient: sending the same request again later can succeed.',
      returnType: 'boolean',
      returns: '`true` for a retryable code; `false` otherwise, also for unknown values.',
      body: `return ${getInfo}(code)?.retryable === true;`,
    },
    {
      name: names.getHttpStatus,
      description: 'The HTTP status sent with `code`.',
      returnType: 'number | null | undefined',
      returns: 'The status; `null` where no source documents it; `undefined` for an unknown code.',
      body: `return ${getInfo}(code)?.httpStatus;`,
    },
    {
      name: names.describe,
      description: 'What `code` means.',
      returnType: 'string | undefined',
      returns: 'The description, or `undefined` for an unknown code.',
      body: `return ${getInfo}(code)?.description;`,
    },
  ];
  return helpers.map((helper) => {
    const tags: OptionalKind<JSDocTagStructure>[] =
      isJavaScript(flavour)
        ? [
            { tagName: 'param', text: `{unknown} code Any value, e.g. ${example}.` },
            { tagName: 'returns', text: `{${helper.jsReturnType ?? helper.returnType}} ${helper.returns}` },
          ]
        : [
            { tagName: 'param', text: `code Any value, e.g. ${example}.` },
            { tagName: 'returns', text: helper.returns },
          ];
    return {
      kind: StructureKind.Function,
      name: helper.name,
      isExported: flavour !== 'cjs',
      hasDeclareKeyword: flavour === 'dts',
      docs: [doc(helper.description, tags)],
      parameters: [{ name: 'code', type: isJavaScript(flavour) ? undefined : 'unknown' }],
      returnType: isJavaScript(flavour) ? undefined : helper.returnType,
      statements: flavour === 'dts' ? undefined : [helper.body],
    };
  });
}

function retryableList(names: GeneratedNames, codes: readonly CodeEntry[], flavour: Flavour): WriterFunction {
  const { enumName } = names;
  const type = isJavaScript(flavour) ? `readonly ((typeof ${enumName})[keyof typeof ${enumName}])[]` : `readonly ${enumName}[]`;
  const description =
    typeof codes[0]?.code === 'string' ? 'The codes marked retryable, in code order.' : `The codes marked retryable, in ascending order of |code|.`;
  const members = codes.filter((entry) => entry.retryable).map((entry) => `${enumName}.${entry.name}`);
  const initializer: WriterFunction = (writer) => {
    if (members.join(', ').length <= 60) {
      writer.write(`Object.freeze([${members.join(', ')}])`);
      return;
    }
    writer.write('Object.freeze([').newLine();
    writer.indent(() => {
      for (const member of members) writer.writeLine(`${member},`);
    });
    writer.write('])');
  };
  return exportedConst({
    docs: isJavaScript(flavour) ? doc(description, [{ tagName: 'type', text: `{${type}}` }]) : doc(description),
    name: names.retryableList,
    flavour,
    type: isJavaScript(flavour) ? undefined : type,
    initializer: flavour === 'dts' ? undefined : initializer,
  });
}

/**
 * The CommonJS exports, one `exports.name = name;` each: the form Node's cjs-module-lexer detects,
 * so `import { name } from "./x.cjs"` works in an ES module as well as `require`.
 */
function commonJsExports(families: readonly GeneratedNames[]): string {
  const exported = families.flatMap((names) => [
    names.enumName,
    names.infoTable,
    names.getInfo,
    names.isCode,
    names.isRetryable,
    names.getHttpStatus,
    names.describe,
    names.retryableList,
  ]);
  return exported.map((name) => `exports.${name} = ${name};`).join('\n');
}
