import { type Language, LazyController } from '@gemeng/frontend-kit';
import type { ApiClientsSection, DeveloperEndpoints } from './account-apps.ts';
import type { DataSection } from './account-data-section.ts';
import type { Shown } from './account-load.ts';
import type { AccountPage } from './account-pages.ts';
import type { ProfileSection } from './account-profile.ts';
import type { AccountHost, AccountSection, AccountSectionGroup } from './account-section.ts';
import type { SecuritySection } from './account-security.ts';

export type SectionLoader = Pick<LazyController<AccountSectionGroup>, 'status' | 'module' | 'load'>;

/**
 * The account's four sections, one per page, each in a chunk of its own (with what only it needs: the QR encoder,
 * WebAuthn), loaded when its page is first shown.
 */
export class AccountSections {
  readonly #profile: LazyController<ProfileSection>;
  readonly #security: LazyController<SecuritySection>;
  readonly #apps: LazyController<ApiClientsSection>;
  readonly #data: LazyController<DataSection>;

  constructor(host: AccountHost) {
    this.#profile = new LazyController(
      host,
      async () => new (await import('./account-profile.ts')).ProfileSection(host),
    );
    this.#security = new LazyController(
      host,
      async () => new (await import('./account-security.ts')).SecuritySection(host),
    );
    this.#apps = new LazyController(host, async () => new (await import('./account-apps.ts')).ApiClientsSection(host));
    this.#data = new LazyController(
      host,
      async () => new (await import('./account-data-section.ts')).DataSection(host),
    );
  }

  /** The section of a page: only its code loads with the account. */
  of(page: AccountPage): SectionLoader {
    return { profile: this.#profile, security: this.#security, data: this.#data, developers: this.#apps }[page];
  }

  /** The parts of the sections loaded so far. */
  get parts(): readonly AccountSection[] {
    const sections: SectionLoader[] = [this.#profile, this.#security, this.#apps, this.#data];
    return sections.flatMap((section) => section.module?.parts ?? []);
  }

  /** The section of the page shown, once its code is there (a loading placeholder, or a retry, until then). */
  render(
    page: AccountPage,
    lang: Language,
    shown: Shown,
    context: { acr: string | undefined; endpoints: () => DeveloperEndpoints },
  ): unknown {
    switch (page) {
      case 'security':
        return this.#security.render(lang, (security) => security.render(shown.me, context.acr));
      case 'data':
        return this.#data.render(lang, (data) => data.render());
      case 'developers':
        return this.#apps.render(lang, (apps) => apps.render(shown.me, context.endpoints()));
      default:
        return this.#profile.render(lang, (profile) => profile.render(shown.me, shown.communes));
    }
  }
}
