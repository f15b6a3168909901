/** The second-factor page's passkey script, served as /account/passkey.js (the pages' CSP allows only 'self'). */

/**
 * Asks the browser for the passkey (navigator.credentials.get) and posts its answer as JSON with the form. The
 * options are in the page (identity renders them with the form) and are read at load: the submit handler calls
 * navigator.credentials.get first, before anything is awaited, because Safari allows it only while the click's
 * user activation lasts (an await on the network loses it). Keep it that way (passkey-script.unit.test.ts).
 */
export const PASSKEY_SCRIPT = `(() => {
  const form = document.getElementById('passkey-form');
  const data = document.getElementById('passkey-options');
  if (!form || !data || !window.PublicKeyCredential) return;
  form.hidden = false;
  const bytes = (text) => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
  const text = (buffer) =>
    btoa(String.fromCharCode(...new Uint8Array(buffer))).replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');
  const options = JSON.parse(data.textContent);
  const publicKey = () => ({
    challenge: bytes(options.challenge),
    rpId: options.rpId,
    timeout: options.timeout,
    userVerification: options.userVerification,
    allowCredentials: (options.allowCredentials || []).map((c) => ({ type: 'public-key', id: bytes(c.id), transports: c.transports })),
  });
  form.addEventListener('submit', async (event) => {
    if (form.elements.response.value) return;
    event.preventDefault();
    const status = document.getElementById('passkey-status');
    status.textContent = '';
    try {
      // First thing in the handler: nothing awaited before (Safari).
      const credential = await navigator.credentials.get({ publicKey: publicKey() });
      const answer = credential.response;
      form.elements.response.value = JSON.stringify({
        id: credential.id,
        rawId: text(credential.rawId),
        type: credential.type,
        authenticatorAttachment: credential.authenticatorAttachment || undefined,
        clientExtensionResults: credential.getClientExtensionResults(),
        response: {
          clientDataJSON: text(answer.clientDataJSON),
          authenticatorData: text(answer.authenticatorData),
          signature: text(answer.signature),
          userHandle: answer.userHandle ? text(answer.userHandle) : undefined,
        },
      });
      form.submit();
    } catch {
      status.textContent = form.dataset.failed;
    }
  });
})();
`;
