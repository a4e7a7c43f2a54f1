import { createActionGroup, props } from '@ngrx/store';
import type { EscalationStepName } from '../../calling/escalation';
import type { DialTarget } from '../../model/dial-target';
import type { Failure } from '../../model/failure';

/**
 * The escalation workflow's steps (`calling/escalation.ts`), per person (`personId`: their raw
 * id, as the roster will know them).
 */
export const EscalationApiActions = createActionGroup({
  source: 'Escalation API',
  events: {
    /** People are being brought into a call (from the dialog, or a supervisor joining). */
    'Escalation Started': props<{ callId: string; targets: DialTarget[] }>(),
    /** The call's chat is ready: `found` among the agent's chats, or created for it. */
    'Thread Ensured': props<{ callId: string; personId: string; found: boolean }>(),
    /** A Teams user is in the call's chat (`alreadyMember`: nothing was added for them). */
    'Chat Member Added': props<{ callId: string; personId: string; alreadyMember: boolean }>(),
    'Participant Added': props<{ callId: string; personId: string }>(),
    Ringing: props<{ callId: string; personId: string }>(),
    Connected: props<{ callId: string; personId: string }>(),
    /** What failed, at which step; what this escalation added for them was taken back. */
    Failed: props<{
      callId: string;
      personId: string;
      failedStep: EscalationStepName;
      failure: Failure;
    }>(),
  },
});
