/**
 * Entry of `dist/gemeng-identity.js`: registers the widgets (for `<script type="module">` embeds) and exports
 * the single-spa lifecycles (for the shell's import map), so both audiences load one file.
 */
import { notifyOpener } from '@gemeng/frontend-kit';
import './gemeng-account.ts';
import './gemeng-login.ts';

// On a commune website's /auth/callback inside the sign-in popup: hand the answer to the page that waits for it.
notifyOpener();

export { Account } from './account.ts';
export { Login } from './login.ts';
export { account } from './single-spa.ts';
