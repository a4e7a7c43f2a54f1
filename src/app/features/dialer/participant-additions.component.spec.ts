import { TestBed } from '@angular/core/testing';
import { Store } from '@ngrx/store';
import { phoneNumberTarget } from '../../model/dial-target';
import { formatPhoneNumberAsTyped } from '../../calling/phone-number';
import { CallingSdkEvents } from '../../state/calling-sdk.actions';
import { CallingApiActions } from '../../state/calling-api.actions';
import { AddParticipantDialogActions } from '../../state/dialer/add-participant-dialog.actions';
import { ChatThreadsApiActions } from '../../state/dialer/chat-threads-api.actions';
import { call } from '../../state/testing/snapshots';
import { provideTestState } from '../../state/testing/provide-test-state';
import { ParticipantAdditionsComponent } from './participant-additions.component';

/** A number as the dialer makes it a target: E.164, shown grouped. */
const phone = (e164: string) => phoneNumberTarget(e164, formatPhoneNumberAsTyped(e164));

describe('ParticipantAdditionsComponent', () => {
  async function onACall() {
    TestBed.configureTestingModule({ providers: provideTestState() });
    const fixture = TestBed.createComponent(ParticipantAdditionsComponent);
    const store = TestBed.inject(Store);
    store.dispatch(CallingSdkEvents.callAdded({ call: call('c1') }));
    const text = async () => {
      await fixture.whenStable();
      return (fixture.nativeElement as HTMLElement).innerText.replace(/\s+/g, ' ').trim();
    };
    return { store, text };
  }

  const target = phone('+14255550486');

  it('says who is being added until they connect', async () => {
    const { store, text } = await onACall();
    expect(await text()).toBe('');
    store.dispatch(AddParticipantDialogActions.addClicked({ callId: 'c1', target }));
    expect(await text()).toBe('Adding to your call Getting the call’s chat ready for +1 425 555 0486…');
    store.dispatch(
      ChatThreadsApiActions.participantThreadReady({
        callId: 'c1',
        target,
        createdThreadId: null,
        addedMembershipId: null,
      }),
    );
    store.dispatch(CallingApiActions.participantAdded({ callId: 'c1', target }));
    expect(await text()).toBe('Adding to your call Ringing +1 425 555 0486…');
    store.dispatch(
      CallingSdkEvents.participantsChanged({
        changes: [{ callId: 'c1', participantId: '4:+14255550486', changes: { state: 'Connected' } }],
      }),
    );
    expect(await text()).toBe('');
  });

  it('says why someone was not added, with the code', async () => {
    const { store, text } = await onACall();
    store.dispatch(AddParticipantDialogActions.addClicked({ callId: 'c1', target }));
    store.dispatch(
      ChatThreadsApiActions.participantThreadReady({
        callId: 'c1',
        target,
        createdThreadId: null,
        addedMembershipId: null,
      }),
    );
    store.dispatch(CallingApiActions.participantAdded({ callId: 'c1', target }));
    store.dispatch(
      CallingSdkEvents.participantRemoved({
        callId: 'c1',
        participantId: '4:+14255550486',
        callEndReason: { code: 486, subCode: 560486 },
      }),
    );
    expect(await text()).toBe(
      'Adding to your call +1 425 555 0486 was not added to the call. The number is busy. (code 486/560486)',
    );
  });
});
