/**
 * The operations manifest (ADR 9): every GraphQL operation a frontend package sends, with the SHA-256 hash of its
 * exact text, for the router's trusted documents. The build writes it as `dist/operations.json`:
 * `[{ "name": "Account", "hash": "sha256:…", "document": "query Account(…) { … }" }]`, sorted by name.
 *
 * Operations are the `graphql(…)` calls of the package's `src/**\/*.ts` (tests excluded), read from the syntax tree:
 * the argument must be one literal (no interpolation), one named operation, valid against the supergraph. The
 * manifest fails the build otherwise, as `gql.tada check` fails the typecheck.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, type GraphQLSchema, Kind, parse, validate } from 'graphql';
import ts from 'typescript';
import type { Plugin } from 'vite';

export interface OperationEntry {
  name: string;
  /** `sha256:` and the hex SHA-256 of `document` in UTF-8. */
  hash: string;
  /** The operation's text exactly as the package sends it. */
  document: string;
}

/** One `graphql(…)` call found in a source file. */
export interface FoundOperation {
  /** `src/…ts:line` relative to the package. */
  where: string;
  /** The literal's text, or undefined when the argument is not one literal. */
  document: string | undefined;
}

export const SUPERGRAPH = join(dirname(fileURLToPath(import.meta.url)), '../../../schema/supergraph.graphql');

const SKIPPED = /(?:\.test|\.d)\.ts$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === 'generated' || entry.name === 'node_modules' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !SKIPPED.test(entry.name) ? [path] : [];
  });
}

/** Every `graphql(…)` call of a package's `src`, in file order. */
export function findOperations(packageRoot: string): FoundOperation[] {
  const found: FoundOperation[] = [];
  for (const file of sourceFiles(join(packageRoot, 'src')).sort()) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes('graphql(')) continue;
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'graphql') {
        const [argument] = node.arguments;
        const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
        const literal =
          argument && node.arguments.length === 1 && ts.isStringLiteralLike(argument) ? argument.text : undefined;
        found.push({ where: `${relative(packageRoot, file).split(sep).join('/')}:${line}`, document: literal });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

export const operationHash = (document: string): string =>
  `sha256:${createHash('sha256').update(document, 'utf8').digest('hex')}`;

let supergraph: GraphQLSchema | undefined;
export function loadSupergraph(path = SUPERGRAPH): GraphQLSchema {
  if (path !== SUPERGRAPH) return buildSchema(readFileSync(path, 'utf8'));
  supergraph ??= buildSchema(readFileSync(SUPERGRAPH, 'utf8'));
  return supergraph;
}

/** The manifest of one package; throws with every problem (file and line) when an operation is not acceptable. */
export function operationsManifest(packageRoot: string, schema = loadSupergraph()): OperationEntry[] {
  const problems: string[] = [];
  const entries = new Map<string, OperationEntry>();
  for (const { where, document } of findOperations(packageRoot)) {
    if (document === undefined) {
      problems.push(`${where}: graphql() takes one string literal (no interpolation, no second argument).`);
      continue;
    }
    let parsed: ReturnType<typeof parse>;
    try {
      parsed = parse(document);
    } catch (error) {
      problems.push(`${where}: ${(error as Error).message}`);
      continue;
    }
    const [definition, ...more] = parsed.definitions;
    if (definition?.kind !== Kind.OPERATION_DEFINITION || more.length || !definition.name) {
      problems.push(`${where}: one named query, mutation or subscription per graphql() call.`);
      continue;
    }
    const name = definition.name.value;
    const errors = validate(schema, parsed);
    for (const error of errors) problems.push(`${where}: ${name}: ${error.message}`);
    if (errors.length) continue;
    const previous = entries.get(name);
    if (previous && previous.document !== document) {
      problems.push(`${where}: another operation is already called ${name}: operation names are unique.`);
      continue;
    }
    entries.set(name, { name, hash: operationHash(document), document });
  }
  if (problems.length) throw new Error(`GraphQL operations of ${packageRoot}:\n  ${problems.join('\n  ')}`);
  return [...entries.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Vite plugin: emits `operations.json` next to the package's modules (fails the build on a bad operation). */
export function operationsPlugin(packageRoot: string): Plugin {
  return {
    name: 'gemeng-operations',
    apply: 'build',
    generateBundle() {
      const manifest = operationsManifest(packageRoot);
      this.emitFile({ type: 'asset', fileName: 'operations.json', source: `${JSON.stringify(manifest, null, 2)}\n` });
    },
  };
}
