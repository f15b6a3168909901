/**
 * Entry of `dist/gemeng-portal.js`: registers `<gemeng-commune-card>` (for `<script type="module">` embeds) and
 * exports the home route's single-spa lifecycles (for the shell's import map).
 */
import './gemeng-commune-card.ts';

export { CommuneCard } from './commune-card.ts';
export { bootstrap, mount, unmount, update } from './single-spa.ts';
