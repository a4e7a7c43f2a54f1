import type { TestElement } from '@angular/cdk/testing';
import corpus from '../../../../test-corpus/console-inputs.json';
import { corpusText, type CorpusText } from '../../../../test-corpus/corpus';

/** One entry of the console's bad-input corpus: what is typed, what it is, what the field says. */
export interface BadEntry {
  readonly text: string;
  readonly what: string;
  readonly message: string;
}

const entries = (list: readonly { input: CorpusText; what: string; message: string }[]): BadEntry[] =>
  list.map(({ input, what, message }) => ({ text: corpusText(input), what, message }));

/** `test-corpus/console-inputs.json`, its long inputs made into text. */
export const BAD_INPUT = {
  phoneNumbers: entries(corpus.phoneNumbers),
  teamsUserIds: entries(corpus.teamsUserIds),
  meetingLinks: entries(corpus.meetingLinks),
  meetingIds: entries(corpus.meetingIds),
  passcodes: entries(corpus.passcodes),
  historyDays: entries(corpus.historyDays),
  /** A key pressed in an action's key field, and what the field says. */
  shortcutKeys: corpus.shortcutKeys,
};

/** Past this, text goes in as a paste does (one input event): 100 KB one key at a time takes minutes. */
const TYPED_AT_MOST = 200;

/** Puts `text` into an input as the agent would: typed when short, pasted when long. */
export async function enterText(input: TestElement, text: string): Promise<void> {
  await input.clear();
  if (text.length <= TYPED_AT_MOST) return input.sendKeys(text);
  await input.setInputValue(text);
  await input.dispatchEvent('input');
}
