import { createMessages } from '@gemeng/frontend-kit';
import de from './messages/shell/de.json';
import en from './messages/shell/en.json';
import fr from './messages/shell/fr.json';
import lb from './messages/shell/lb.json';

/**
 * The shell's own strings (the widgets carry theirs): ICU messages in `messages/shell/<language>.json`. All four
 * are in the page's script (a few hundred bytes each, precompiled by `@gemeng/i18n/vite`), so the page is
 * labelled before anything else loads.
 */
export const shellMessages = createMessages('shell', { lb, fr, de, en });
export type ShellMessageKey = Parameters<typeof shellMessages.t>[1];
export const t = shellMessages.t;
