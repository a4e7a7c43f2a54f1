import type { Party } from '../model/snapshots';
import { callDetail, callTitle, endedCallText, leftCallText, type NameableCall } from './call-title';

const dana: Party = {
  identity: { kind: 'phoneNumber', rawId: '4:+14255550123', phoneNumber: '+14255550123' },
  displayName: 'Dana Smith',
};
const drew: Party = {
  identity: { kind: 'microsoftTeamsUser', rawId: '8:orgid:drew' },
  displayName: 'Drew Lee',
};
const nameless: Party = { identity: { kind: 'microsoftTeamsUser', rawId: '8:orgid:x' }, displayName: null };

const base: NameableCall = {
  kind: 'oneToOne',
  direction: 'Incoming',
  counterpart: dana,
  queue: null,
  role: 'Unknown',
};

describe('calls in words', () => {
  it('names a 1:1 by the other party, and says which way it went and to what', () => {
    expect(callTitle(base, 2)).toBe('Dana Smith');
    expect(callDetail({ ...base, queue: 'Billing' }, [dana], 2)).toBe('Incoming call via Billing');
    expect(callDetail(base, [dana], 2)).toBe('Incoming call from a phone number');
    const out = { ...base, direction: 'Outgoing' as const, counterpart: drew };
    expect(callTitle(out, 2)).toBe('Drew Lee');
    expect(callDetail(out, [drew], 2)).toBe('Outgoing call to a Teams user');
    expect(callTitle({ ...out, counterpart: nameless }, 2)).toBe('Teams user');
    expect(callTitle({ ...out, counterpart: null }, 1)).toBe('Call');
  });

  it('names a group call by its size and the people in it', () => {
    const group = { ...base, kind: 'group' as const, direction: 'Outgoing' as const, counterpart: null };
    expect(callTitle(group, 3)).toBe('Group call of 3');
    expect(callDetail(group, [drew, dana], 3)).toBe('With Drew Lee and Dana Smith');
    expect(callDetail(group, [drew, dana, nameless], 6)).toBe(
      'With Drew Lee, Dana Smith, Teams user and 2 others',
    );
    expect(callDetail(group, [drew], 3)).toBe('With Drew Lee and 1 other');
    expect(callDetail(group, [], 1)).toBe('Nobody else has joined yet');
  });

  it('names a meeting, its size and the agent’s role in it', () => {
    const meeting = { ...base, kind: 'meeting' as const, counterpart: null, role: 'Organizer' as const };
    expect(callTitle(meeting, 5)).toBe('Teams meeting');
    expect(callDetail(meeting, [], 5)).toBe('5 people, you are the organizer');
    expect(callDetail({ ...meeting, role: 'Unknown' }, [], 1)).toBe('1 person');
  });

  it('says how each kind of call ended', () => {
    expect(endedCallText({ kind: 'oneToOne', counterpart: dana, message: 'The caller hung up.' })).toBe(
      'Call with Dana Smith ended: The caller hung up.',
    );
    expect(endedCallText({ kind: 'oneToOne', counterpart: null, message: 'You hung up.' })).toBe(
      'Call ended: You hung up.',
    );
    expect(endedCallText({ kind: 'group', counterpart: null, message: 'You hung up.' })).toBe(
      'Group call ended: You hung up.',
    );
    expect(
      endedCallText({ kind: 'meeting', counterpart: null, message: 'The organizer ended the meeting.' }),
    ).toBe('Meeting ended: The organizer ended the meeting.');
  });

  it('tells an agent who left a group call that goes on who is still in it', () => {
    expect(leftCallText([dana, drew])).toBe('You left; the call goes on with Dana Smith and Drew Lee.');
    expect(leftCallText([dana, drew, nameless])).toBe(
      'You left; the call goes on with Dana Smith, Drew Lee and Teams user.',
    );
  });
});
