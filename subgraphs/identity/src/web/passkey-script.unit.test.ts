// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PASSKEY_SCRIPT } from './passkey-script.ts';

/** The second-factor page's passkey form, as interaction.ts renders it (options in the page). */
function renderPage(): HTMLFormElement {
  document.body.innerHTML = `<form id="passkey-form" method="post" action="/interaction/x/second-factor" hidden data-failed="Failed">
<script type="application/json" id="passkey-options">{"challenge":"Y2hhbGxlbmdl","rpId":"localhost","timeout":60000,"userVerification":"required","allowCredentials":[{"id":"AQID","transports":["internal"]}]}</script>
<input type="hidden" name="response" value="">
<button type="submit">Confirm with a passkey</button>
<p id="passkey-status" role="status"></p>
</form>`;
  return document.getElementById('passkey-form') as HTMLFormElement;
}

afterEach(() => {
  document.body.replaceChildren();
  vi.unstubAllGlobals();
});

describe('the sign-in page’s passkey script', () => {
  it('calls navigator.credentials.get inside the submit handler, before anything is awaited (Safari)', () => {
    const form = renderPage();
    vi.stubGlobal('PublicKeyCredential', class {});
    const get = vi.fn(() => new Promise<never>(() => {}));
    Object.defineProperty(navigator, 'credentials', { value: { get }, configurable: true });
    new Function(PASSKEY_SCRIPT)();
    expect(form.hidden).toBe(false);

    const submit = new Event('submit', { cancelable: true });
    form.dispatchEvent(submit);
    // Synchronously, within the dispatch: the user activation of the click is still there.
    expect(submit.defaultPrevented).toBe(true);
    expect(get).toHaveBeenCalledTimes(1);
    const { publicKey } = (get.mock.calls[0] as unknown as [{ publicKey: PublicKeyCredentialRequestOptions }])[0];
    expect(new TextDecoder().decode(publicKey.challenge as Uint8Array)).toBe('challenge');
    expect(publicKey.rpId).toBe('localhost');
    expect([...((publicKey.allowCredentials?.[0]?.id ?? new Uint8Array()) as Uint8Array)]).toEqual([1, 2, 3]);
  });
});
