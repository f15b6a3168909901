// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PASSKEY_SCRIPT } from './passkey-script.ts';

// This package compiles without the DOM library: the few browser shapes the test touches.
interface Form {
  hidden: boolean;
  dispatchEvent(event: unknown): boolean;
}
interface Page {
  body: { innerHTML: string; replaceChildren(): void };
  getElementById(id: string): Form;
}
interface Browser {
  document: Page;
  navigator: object;
  Event: new (type: string, init: { cancelable: boolean }) => { defaultPrevented: boolean };
}
const browser = globalThis as unknown as Browser;

/** The second-factor page's passkey form, as interaction.ts renders it (options in the page). */
function renderPage(): Form {
  browser.document.body.innerHTML = `<form id="passkey-form" method="post" action="/interaction/x/second-factor" hidden data-failed="Failed">
<script type="application/json" id="passkey-options">{"challenge":"Y2hhbGxlbmdl","rpId":"localhost","timeout":60000,"userVerification":"required","allowCredentials":[{"id":"AQID","transports":["internal"]}]}</script>
<input type="hidden" name="response" value="">
<button type="submit">Confirm with a passkey</button>
<p id="passkey-status" role="status"></p>
</form>`;
  return browser.document.getElementById('passkey-form');
}

afterEach(() => {
  browser.document.body.replaceChildren();
  vi.unstubAllGlobals();
});

describe('the sign-in page’s passkey script', () => {
  it('calls navigator.credentials.get inside the submit handler, before anything is awaited (Safari)', () => {
    const form = renderPage();
    vi.stubGlobal('PublicKeyCredential', class {});
    const get = vi.fn((_options: unknown) => new Promise<never>(() => {}));
    Object.defineProperty(browser.navigator, 'credentials', { value: { get }, configurable: true });
    new Function(PASSKEY_SCRIPT)();
    expect(form.hidden).toBe(false);

    const submit = new browser.Event('submit', { cancelable: true });
    form.dispatchEvent(submit);
    // Synchronously, within the dispatch: the user activation of the click is still there.
    expect(submit.defaultPrevented).toBe(true);
    expect(get).toHaveBeenCalledTimes(1);
    const [options] = get.mock.calls[0] ?? [];
    const { publicKey } = options as {
      publicKey: { challenge: Uint8Array; rpId: string; allowCredentials: { id: Uint8Array }[] };
    };
    expect(new TextDecoder().decode(publicKey.challenge)).toBe('challenge');
    expect(publicKey.rpId).toBe('localhost');
    expect([...(publicKey.allowCredentials[0]?.id ?? [])]).toEqual([1, 2, 3]);
  });
});
