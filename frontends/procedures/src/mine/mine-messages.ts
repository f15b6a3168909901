import { defineMessages } from '@gemeng/frontend-kit';

/** Every user-facing string of `<gemeng-my-applications>`: ICU messages in `messages/mine/<language>.json`. */
export const mineMessages = defineMessages('mine', {
  lb: () => import('../messages/mine/lb.json'),
  fr: () => import('../messages/mine/fr.json'),
  de: () => import('../messages/mine/de.json'),
  en: () => import('../messages/mine/en.json'),
});

export type MineMessageKey = Parameters<typeof mineMessages.t>[1];
export const tm = mineMessages.t;
