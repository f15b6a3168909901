/// <reference path="./analyzer.d.ts" />
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { create, ts } from '@custom-elements-manifest/analyzer';
// The CLI's `--litelement` plugins; the analyzer has no export map, so this is the path its CLI imports too.
import { litPlugin } from '@custom-elements-manifest/analyzer/src/features/framework-plugins/lit/lit.js';

/** The parts of a Custom Elements Manifest (schema 1.0.0) the build reads. */
export interface CemPackage {
  schemaVersion: string;
  modules: CemModule[];
}
export interface CemModule {
  path: string;
  declarations?: CemDeclaration[];
  exports?: { kind: string; name: string; declaration: { name: string; module?: string } }[];
}
export interface CemDeclaration {
  kind: string;
  name: string;
  customElement?: boolean;
  tagName?: string;
  summary?: string;
  description?: string;
  attributes?: CemAttribute[];
  events?: { name?: string; description?: string }[];
  members?: { name: string; attribute?: string; inheritedFrom?: { name: string } }[];
}
export interface CemAttribute {
  name: string;
  type?: { text: string };
  description?: string;
  default?: string;
  fieldName?: string;
  inheritedFrom?: { name: string };
}

/** Every `.ts` under `dir` but tests, relative to `root` with `/` (the analyzer's module paths). */
function sourceFiles(root: string, dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(root, path);
      return /\.ts$/.test(entry.name) && !/\.test\.ts$|\.d\.ts$/.test(entry.name) ? [path] : [];
    })
    .map((path) => (path.startsWith(root) ? relative(root, path).split(sep).join('/') : path));
}

/**
 * Lit's internal reactive state (`{ state: true }` in `static properties`) has no attribute, but the analyzer's
 * lit plugin lists one for it: drop those.
 */
function litStatePlugin() {
  const stateFields = new Map<string, Set<string>>();
  const documentedTypes = new Map<string, Map<string, string | undefined>>();
  return {
    name: 'gemeng-lit-state',
    analyzePhase({ node }: { node: import('typescript').Node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const types = new Map<string, string | undefined>();
      for (const tag of ts.getJSDocTags(node)) {
        const comment = typeof tag.comment === 'string' ? tag.comment : ts.getTextOfJSDocComment(tag.comment);
        const documented = /^(?:\{([^}]+)\}\s*)?\[?([\w-]+)/.exec(comment ?? '');
        if (/^(?:attr|attribute)$/.test(tag.tagName.text) && documented?.[2]) {
          types.set(documented[2], documented[1]?.trim());
        }
      }
      documentedTypes.set(node.name.getText(), types);
      const fields = new Set<string>();
      for (const member of node.members) {
        if (!ts.isPropertyDeclaration(member) || member.name.getText() !== 'properties') continue;
        const initializer = member.initializer;
        if (!initializer || !ts.isObjectLiteralExpression(initializer)) continue;
        for (const property of initializer.properties) {
          if (!ts.isPropertyAssignment(property) || !ts.isObjectLiteralExpression(property.initializer)) continue;
          const isState = property.initializer.properties.some(
            (option) =>
              ts.isPropertyAssignment(option) &&
              option.name.getText() === 'state' &&
              option.initializer.kind === ts.SyntaxKind.TrueKeyword,
          );
          if (isState) fields.add(property.name.getText());
        }
      }
      stateFields.set(node.name.getText(), fields);
    },
    packageLinkPhase({ customElementsManifest }: { customElementsManifest: CemPackage }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.kind !== 'class') continue;
          // Inherited attributes are copied before this runs: look them up in the class that declares them.
          const isState = (field: string | undefined, owner: string | undefined) =>
            field !== undefined && Boolean(stateFields.get(owner ?? declaration.name)?.has(field));
          const documented = (attribute: CemAttribute) =>
            documentedTypes.get(declaration.name)?.has(attribute.name)
              ? documentedTypes.get(declaration.name)
              : documentedTypes.get(attribute.inheritedFrom?.name ?? '');
          declaration.attributes = declaration.attributes?.filter((attribute) => {
            if (!isState(attribute.fieldName, attribute.inheritedFrom?.name)) return true;
            if (!documented(attribute)?.has(attribute.name)) return false;
            // A documented attribute the analyzer tied to a state field of the same name (`manifest` of
            // `manifestUrl`, next to the `manifest` state): tie it to the property that has the attribute.
            const owner = declaration.members?.find(
              (m) => m.attribute === attribute.name && m.name !== attribute.fieldName,
            );
            if (owner) attribute.fieldName = owner.name;
            else delete attribute.fieldName;
            return true;
          });
          // The `@attr {type}` written for the element wins over the field's TypeScript type (`'lb'|'fr'` over
          // `string`): it says which values the attribute accepts.
          for (const attribute of declaration.attributes ?? []) {
            const type = documented(attribute)?.get(attribute.name);
            if (type) attribute.type = { text: type };
          }
          for (const member of declaration.members ?? []) {
            if (isState(member.name, member.inheritedFrom?.name)) delete member.attribute;
          }
        }
      }
    },
  };
}

/**
 * The package's Custom Elements Manifest, as `cem analyze --litelement` writes it, from the JSDoc of the
 * elements under `src/` (`@element`, `@summary`, `@attr`, `@fires`, `@csspart`, `@cssprop`).
 */
export function analyzeCustomElements(root: string): CemPackage {
  const modules = sourceFiles(root, join(root, 'src')).map((path) =>
    ts.createSourceFile(path, readFileSync(join(root, path), 'utf8'), ts.ScriptTarget.ES2015, true),
  );
  return create({ modules, plugins: [...litPlugin(), litStatePlugin()], context: { dev: false } });
}
