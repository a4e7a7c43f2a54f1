/** Debian's Chromium and its flags, as Karma and Playwright launch it (chromium.cjs). */
declare const chromium: { readonly executablePath: string; readonly args: readonly string[] };
export = chromium;
