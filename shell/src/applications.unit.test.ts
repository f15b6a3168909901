import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { importApplication, pageApplications } from './applications.ts';

const applications = {
  '@gemeng/portal': { module: '/widgets/portal/single-spa-Sp123456.js', lifecycles: 'default' },
  '@gemeng/identity/account': { module: '/widgets/identity/account-Ac123456.js', lifecycles: 'account' },
};

function page(head: string) {
  const window = new Window();
  window.document.head.innerHTML = head;
  return window.document as unknown as Document;
}

describe('pageApplications', () => {
  it('reads the JSON the server put in <meta name="gemeng:applications">', () => {
    const content = JSON.stringify(applications).replaceAll('"', '&quot;');
    expect(pageApplications(page(`<meta name="gemeng:applications" content="${content}">`))).toEqual(applications);
  });

  it('is empty without the meta or with broken content', () => {
    expect(pageApplications(page(''))).toEqual({});
    expect(pageApplications(page('<meta name="gemeng:applications" content="{oops">'))).toEqual({});
  });
});

describe('importApplication', () => {
  const lifecycles = { bootstrap: async () => {}, mount: async () => {}, unmount: async () => {} };

  it("imports the module by its URL and returns the named export's lifecycles", async () => {
    const imported: string[] = [];
    const load = async (url: string) => {
      imported.push(url);
      return { account: lifecycles };
    };
    expect(await importApplication('@gemeng/identity/account', applications, load)).toBe(lifecycles);
    expect(imported).toEqual(['/widgets/identity/account-Ac123456.js']);
  });

  it('rejects an application the page does not know, or a module without lifecycles', async () => {
    const load = async () => ({ default: {} });
    await expect(importApplication('@gemeng/culture', applications, load)).rejects.toThrow('@gemeng/culture');
    await expect(importApplication('@gemeng/portal', applications, load)).rejects.toThrow('no single-spa lifecycles');
  });
});
