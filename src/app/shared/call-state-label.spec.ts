import {
  CALL_STATES,
  callStateLabel,
  callStateTone,
  PARTICIPANT_STATES,
  participantStateLabel,
  participantStateTone,
} from './call-state-label';

describe('states in words', () => {
  it('says every call state in its own words, never the SDK’s name alone', () => {
    const labels = CALL_STATES.map(callStateLabel);
    expect(CALL_STATES.length).toBe(10);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels).toEqual([
      'Starting',
      'Connecting',
      'Ringing',
      'Ringing, with audio from their line',
      'Connected',
      'On hold',
      'Held by the other side',
      'Waiting in the lobby',
      'Hanging up',
      'Ended',
    ]);
  });

  it('says every participant state in words', () => {
    expect(PARTICIPANT_STATES.map((state) => [state, participantStateLabel(state)])).toEqual([
      ['Idle', 'Not called yet'],
      ['Connecting', 'Connecting'],
      ['Ringing', 'Ringing'],
      ['EarlyMedia', 'Ringing, with audio from their line'],
      ['Connected', 'Connected'],
      ['Hold', 'On hold'],
      ['InLobby', 'In the lobby'],
      ['Disconnected', 'Left'],
    ]);
  });

  it('says early media in plain words, never the telephony term', () => {
    expect([
      ...CALL_STATES.map(callStateLabel),
      ...PARTICIPANT_STATES.map(participantStateLabel),
    ]).not.toContain(jasmine.stringMatching(/early media/i));
  });

  it('colours a state by what it means for the agent: live, waiting, held or ended', () => {
    expect(CALL_STATES.map(callStateTone)).toEqual([
      'waiting',
      'waiting',
      'waiting',
      'waiting',
      'live',
      'held',
      'held',
      'waiting',
      'ended',
      'ended',
    ]);
    expect(participantStateTone('Hold')).toBe('held');
    expect(participantStateTone('InLobby')).toBe('waiting');
  });
});
