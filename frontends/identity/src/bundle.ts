/**
 * Entry of `dist/gemeng-identity.js`: registers the widgets (for `<script type="module">` embeds) and exports
 * the single-spa lifecycles (for the shell's import map), so both audiences load one file.
 */
import './gemeng-commune-card.ts';

export { CommuneCard } from './commune-card.ts';
export { bootstrap, mount, unmount, update } from './single-spa.ts';
