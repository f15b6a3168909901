import type { Plugin } from 'vite';
import { compileCatalog } from './compile.ts';

/** `…/messages/<feature>/<language>.json`, the layout of every message file of the platform. */
export const MESSAGE_FILE = /[\\/]messages[\\/][^\\/]+[\\/](?:lb|fr|de|en)\.json$/;

/**
 * `@gemeng/i18n/vite`: message files are compiled to ICU syntax trees at build time (a message that does not parse
 * fails the build), and the parser is replaced by its empty `no-parser` build in the bundle, so that the browser
 * runtime carries intl-messageformat's formatter only.
 */
export function gemengMessages(): Plugin {
  return {
    name: 'gemeng-messages',
    enforce: 'pre',
    config: () => ({
      resolve: {
        alias: [
          {
            find: /^@formatjs\/icu-messageformat-parser$/,
            replacement: '@formatjs/icu-messageformat-parser/no-parser.js',
          },
        ],
      },
    }),
    transform(code, id) {
      const file = id.split('?')[0] ?? id;
      if (!MESSAGE_FILE.test(file)) return null;
      // Still JSON, now of syntax trees: Vite's JSON plugin turns it into a module as before.
      return { code: JSON.stringify(compileCatalog(JSON.parse(code), file)), map: null };
    },
  };
}

export default gemengMessages;
