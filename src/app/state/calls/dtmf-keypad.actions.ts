import type { DtmfTone } from '@azure/communication-calling';
import { createActionGroup, props } from '@ngrx/store';

/** The keypad of a call with a phone party: each key is one tone, sent in the order pressed. */
export const DtmfKeypadActions = createActionGroup({
  source: 'DTMF Keypad',
  events: {
    'Tone Pressed': props<{ callId: string; tone: DtmfTone }>(),
  },
});
