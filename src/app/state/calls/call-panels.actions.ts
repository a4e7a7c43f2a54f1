import type { DtmfTone } from '@azure/communication-calling';
import { createActionGroup, props } from '@ngrx/store';
import type { Failure } from '../../model/failure';

export const ActiveCallPanelActions = createActionGroup({
  source: 'Active Call Panel',
  events: {
    'Mute Clicked': props<{ callId: string }>(),
    'Unmute Clicked': props<{ callId: string }>(),
    'Hold Clicked': props<{ callId: string }>(),
    'Hang Up Clicked': props<{ callId: string }>(),
    'Start Video Clicked': props<{ callId: string }>(),
    'Stop Video Clicked': props<{ callId: string }>(),
    'Muted Notice Dismissed': props<{ callId: string }>(),
  },
});

export const HeldCallsPanelActions = createActionGroup({
  source: 'Held Calls Panel',
  events: {
    'Resume Clicked': props<{ callId: string }>(),
  },
});

/** The keypad of a call with a phone party: each key is one tone, sent in the order pressed. */
export const DtmfKeypadActions = createActionGroup({
  source: 'DTMF Keypad',
  events: {
    'Tone Pressed': props<{ callId: string; tone: DtmfTone }>(),
  },
});

export const DtmfApiActions = createActionGroup({
  source: 'Calling API',
  events: {
    'Dtmf Tone Sent': props<{ callId: string; tone: DtmfTone }>(),
    'Dtmf Tone Failed': props<{ callId: string; tone: DtmfTone; failure: Failure }>(),
  },
});
