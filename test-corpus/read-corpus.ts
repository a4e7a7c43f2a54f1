import { readFileSync } from 'node:fs';

/** One list of a corpus file (`http-requests.json`, `server`), for the Node tests that drive it. */
export function readCorpus<T>(file: string, list: string): T[] {
  const corpus = JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8')) as Record<string, T[]>;
  const entries = corpus[list];
  if (!entries) throw new Error(`${file} has no list "${list}".`);
  return entries;
}
