import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogProblems } from '../src/compile.ts';
import { LANGUAGES } from '../src/languages.ts';

/**
 * Every message of the platform: each workspace's `src/messages/<feature>/` (workspaces from the root
 * package.json, so a new package is covered without touching this test) must hold lb, fr, de and en with the same
 * keys, every message must parse, and the translations of a message must take the same arguments.
 */
const root = join(import.meta.dirname, '..', '..');

function workspaces(): string[] {
  const { workspaces: patterns } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    workspaces: string[];
  };
  return patterns.flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return [join(root, pattern)];
    const parent = join(root, pattern.slice(0, -2));
    if (!existsSync(parent)) return [];
    return readdirSync(parent, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(parent, entry.name));
  });
}

function featureDirectories(): string[] {
  return workspaces().flatMap((workspace) => {
    const messages = join(workspace, 'src', 'messages');
    if (!existsSync(messages)) return [];
    return readdirSync(messages, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(messages, entry.name));
  });
}

const features = featureDirectories();

describe('message catalogs', () => {
  it('are found in the workspaces', () => {
    expect(features.length).toBeGreaterThan(0);
  });

  describe.each(features.map((dir) => [relative(root, dir), dir]))('%s', (_name, dir) => {
    it('holds one JSON file per language, and nothing else', () => {
      expect(readdirSync(dir).sort()).toEqual(LANGUAGES.map((language) => `${language}.json`).sort());
    });

    it('is complete in every language, parses, and takes the same arguments everywhere', () => {
      const catalogs = Object.fromEntries(
        LANGUAGES.filter((language) => existsSync(join(dir, `${language}.json`))).map((language) => [
          language,
          JSON.parse(readFileSync(join(dir, `${language}.json`), 'utf8')) as unknown,
        ]),
      );
      expect(catalogProblems(catalogs)).toEqual([]);
    });
  });
});
