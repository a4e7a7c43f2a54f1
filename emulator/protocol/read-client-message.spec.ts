import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readClientMessage } from './read-client-message';

describe('readClientMessage', () => {
  it('passes the messages the emulator client sends', () => {
    for (const message of [
      { type: 'listeners', count: 0 },
      { type: 'listeners', count: 12 },
      { type: 'request', requestId: 1, operation: { op: 'hello', token: 'eyJ' } },
      { type: 'request', requestId: 2, operation: { op: 'accept', incomingCallId: 'c1' } },
      { type: 'request', requestId: 3, operation: { op: 'hangUp', callId: 'c1' } },
      {
        type: 'request',
        requestId: 4,
        operation: { op: 'muteParticipant', callId: 'c1', participantId: 'p' },
      },
      {
        type: 'request',
        requestId: 5,
        operation: {
          op: 'startCall',
          callId: 'c2',
          targets: [
            { kind: 'phoneNumber', phoneNumber: '+14255550100' },
            { kind: 'microsoftTeamsUser', microsoftTeamsUserId: 'x' },
          ],
          threadId: '19:a@thread.v2',
          video: false,
        },
      },
      {
        type: 'request',
        requestId: 6,
        operation: { op: 'join', callId: 'c3', locator: { meetingLink: 'l' } },
      },
      {
        type: 'request',
        requestId: 7,
        operation: { op: 'join', callId: 'c3', locator: { meetingId: '1', passcode: 'p' } },
      },
      { type: 'request', requestId: 8, operation: { op: 'sendDtmf', callId: 'c1', tone: 'Num1' } },
      ...[
        { kind: 'participant', participant: { kind: 'phoneNumber', phoneNumber: '+14255550100' } },
        { kind: 'queue', teamsAppId: 'q' },
        { kind: 'call', targetCallId: 'c2' },
        { kind: 'voicemail', microsoftTeamsUserId: 'x' },
      ].map((target, i) => ({
        type: 'request',
        requestId: 9 + i,
        operation: {
          op: 'transfer',
          callId: 'c1',
          transferId: 't',
          target,
          customContext: { userToUser: 'u', voipHeaders: [{ key: 'X-MS-Custom-A', value: 'b' }] },
        },
      })),
      { type: 'request', requestId: 13, operation: { op: 'grantTeamsConsent', callId: 'c1' } },
      { type: 'request', requestId: 14, operation: { op: 'startCaptions', callId: 'c1' } },
      {
        type: 'request',
        requestId: 15,
        operation: { op: 'startCaptions', callId: 'c1', spokenLanguage: 'es-es' },
      },
      { type: 'request', requestId: 16, operation: { op: 'stopCaptions', callId: 'c1' } },
      {
        type: 'request',
        requestId: 17,
        operation: { op: 'setSpokenLanguage', callId: 'c1', language: 'fr-fr' },
      },
    ]) {
      assert.deepEqual(readClientMessage(message), { ok: true, message });
    }
  });

  it('refuses anything else with a reason short enough for a close frame', () => {
    const refused = {
      null: null,
      array: [],
      'no type': { count: 1 },
      'unknown type': { type: 'hello' },
      'count as text': { type: 'listeners', count: 'abc' },
      'negative count': { type: 'listeners', count: -1 },
      'fractional count': { type: 'listeners', count: 1.5 },
      'no requestId': { type: 'request', operation: { op: 'mute', callId: 'c' } },
      'no operation': { type: 'request', requestId: 1 },
      'op not a string': { type: 'request', requestId: 1, operation: { op: 7 } },
      'unknown op': { type: 'request', requestId: 1, operation: { op: 'mutee', callId: 'c' } },
      'missing field': { type: 'request', requestId: 1, operation: { op: 'mute' } },
      'field not a string': { type: 'request', requestId: 1, operation: { op: 'hello', token: null } },
      'long op': { type: 'request', requestId: 1, operation: { op: '€'.repeat(200) } },
      'no targets': {
        type: 'request',
        requestId: 1,
        operation: { op: 'startCall', callId: 'c', targets: [] },
      },
      'bad target': {
        type: 'request',
        requestId: 1,
        operation: { op: 'startCall', callId: 'c', targets: [{ kind: 'communicationUser', id: 'x' }] },
      },
      'video as text': {
        type: 'request',
        requestId: 1,
        operation: { op: 'accept', incomingCallId: 'c', video: 'yes' },
      },
      'transfer to nowhere': {
        type: 'request',
        requestId: 1,
        operation: { op: 'transfer', callId: 'c', transferId: 't', target: { kind: 'moon' } },
      },
      'headers not a list': {
        type: 'request',
        requestId: 1,
        operation: {
          op: 'transfer',
          callId: 'c',
          transferId: 't',
          target: { kind: 'call', targetCallId: 'c2' },
          customContext: { voipHeaders: 'X-MS-Custom-A: b' },
        },
      },
      'spoken language not a string': {
        type: 'request',
        requestId: 1,
        operation: { op: 'startCaptions', callId: 'c', spokenLanguage: 7 },
      },
      'no language': { type: 'request', requestId: 1, operation: { op: 'setSpokenLanguage', callId: 'c' } },
      'locator of no form': {
        type: 'request',
        requestId: 1,
        operation: { op: 'join', callId: 'c', locator: { meetingId: '1' } },
      },
    };
    for (const [name, value] of Object.entries(refused)) {
      const result = readClientMessage(value);
      assert.equal(result.ok, false, name);
      assert.ok(!result.ok && result.reason && Buffer.byteLength(result.reason) <= 123, name);
    }
  });
});
