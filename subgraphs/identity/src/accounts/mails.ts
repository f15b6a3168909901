import { createMessages } from '@gemeng/i18n';
import de from '../messages/mails/de.json' with { type: 'json' };
import en from '../messages/mails/en.json' with { type: 'json' };
import fr from '../messages/mails/fr.json' with { type: 'json' };
import lb from '../messages/mails/lb.json' with { type: 'json' };

/**
 * The transactional mails of accounts: ICU messages in `messages/mails/<language>.json`, each mail as
 * `<mail>.subject`, `<mail>.body` and, with a link, `<mail>.action` (its address is the `url` value; see
 * `renderMail` in @gemeng/subgraph-kit). `{name}`, `{email}` and the like are filled in; `factorRemoved` selects
 * its sentence by `factor` (`codeCard`, `totp`, `passkey`).
 * A mail that may reach an address nobody has confirmed yet (verification, address change, reset, lockout)
 * carries no text a stranger typed, not even the name given at registration: nobody can use these mails to
 * send their own words to someone else's mailbox.
 */
export const mailMessages = createMessages('mails', { lb, fr, de, en });

type NameOf<Key> = Key extends `${infer Name}.subject` ? Name : never;
/** The mails there are: `verifyEmail`, `resetPassword`, … */
export type MailName = NameOf<Parameters<typeof mailMessages.t>[1]>;
