import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';

/** A text the scan read, and where it was read. */
export interface Seen {
  readonly where: string;
  readonly text: string;
}

/** A secret to look for: what it is (said in a failure instead of its value), and its value. */
export interface Secret {
  readonly name: string;
  readonly value: string;
}

/** A secret the scan found in plain text, and where. */
export interface Hit {
  readonly secret: string;
  readonly where: string;
}

/**
 * Everything a browser context shows of what went through it, recorded from the start: each
 * page's console messages, every URL any of its pages requested (frames and workers included), the
 * addresses its pages' main frames went to (the address bar's history), and the tokens it was
 * handed: the ACS tokens `POST /api/token` answered with, the Entra bearer tokens it sent.
 */
export function recordContext(context: BrowserContext) {
  const consoleLog: string[] = [];
  const requested: string[] = [];
  const addresses: string[] = [];
  const acsTokens = new Set<string>();
  const bearers = new Set<string>();
  const watch = (page: Page) => {
    page.on('console', (message) => consoleLog.push(`${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => consoleLog.push(`pageerror: ${error.message}\n${error.stack ?? ''}`));
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) addresses.push(frame.url());
    });
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  context.on('request', (request) => {
    requested.push(request.url());
    const bearer = /^Bearer (\S+)$/.exec(request.headers()['authorization'] ?? '')?.[1];
    if (bearer) bearers.add(bearer);
  });
  context.on('response', async (response) => {
    if (!response.url().endsWith('/api/token') || !response.ok()) return;
    // A page closed before the body arrived took the token with it: nothing to look for.
    const body = (await response.json().catch(() => null)) as { token: string } | null;
    if (body) acsTokens.add(body.token);
  });
  return { consoleLog, requested, addresses, acsTokens, bearers };
}

/**
 * What the browser keeps for the console's origin, as text: localStorage, sessionStorage, every
 * IndexedDB database's every store (keys and values), and the context's cookies.
 */
export async function browserStorage(page: Page): Promise<Seen[]> {
  const stored = await page.evaluate(async () => {
    const read = (storage: Storage) =>
      JSON.stringify(Object.fromEntries(Object.keys(storage).map((key) => [key, storage.getItem(key)])));
    const request = <T>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const databases: Record<string, unknown> = {};
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await request(indexedDB.open(name));
      const stores: Record<string, unknown> = {};
      for (const store of Array.from(db.objectStoreNames)) {
        const objects = db.transaction(store).objectStore(store);
        stores[store] = {
          keys: await request(objects.getAllKeys()),
          values: await request(objects.getAll()),
        };
      }
      db.close();
      databases[name] = stores;
    }
    return {
      localStorage: read(localStorage),
      sessionStorage: read(sessionStorage),
      indexedDB: JSON.stringify(databases),
    };
  });
  const cookies = JSON.stringify(await page.context().cookies());
  return [
    ...Object.entries(stored).map(([where, text]) => ({ where, text })),
    { where: 'cookies', text: cookies },
  ];
}

/** Everything the browser shows of a secret: what `recordContext` recorded, and the storage. */
export async function seenInBrowser(recorded: ReturnType<typeof recordContext>, page: Page): Promise<Seen[]> {
  return [
    { where: 'the console log', text: recorded.consoleLog.join('\n') },
    { where: 'the URLs the page requested', text: recorded.requested.join('\n') },
    { where: 'the address bar', text: [...recorded.addresses, page.url()].join('\n') },
    ...(await browserStorage(page)),
  ];
}

/**
 * What the emulator, server/ and the dev server printed in this run (`scripts/start.mjs` writes it
 * to the file `playwright.config.ts` names), or a note that the file is missing.
 */
export function servicesLog(): Seen {
  const path = process.env['E2E_SERVER_LOG'];
  if (!path) throw new Error('E2E_SERVER_LOG is not set: run through playwright.config.ts.');
  return { where: `the services' output (${path})`, text: readFileSync(path, 'utf8') };
}

/** Each secret found in plain text in what was seen. */
export function plainTextHits(secrets: readonly Secret[], seen: readonly Seen[]): Hit[] {
  return secrets.flatMap(({ name, value }) =>
    seen.filter(({ text }) => text.includes(value)).map(({ where }) => ({ secret: name, where })),
  );
}

/** A token, and its signature alone: a log line that cut the token short still leaks that. */
export const tokenForms = (name: string, token: string): Secret[] => [
  { name, value: token },
  { name: `${name}'s signature`, value: token.split('.').pop() ?? token },
];
