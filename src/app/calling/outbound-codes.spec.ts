import {
  describeCallEnd,
  describeUnansweredCall,
  describeUnjoinedMeeting,
  OFFLINE_MESSAGE,
} from './outbound-codes';

describe('how a call ended, from the agent’s side of it', () => {
  const sides: [string, { code: number; subCode?: number }, string, string][] = [
    ['a decline', { code: 603, subCode: 0 }, 'Casey Morgan declined the call.', 'You declined the call.'],
    [
      'a cancel before the answer',
      { code: 487, subCode: 0 },
      'You hung up before they answered.',
      'The caller hung up before anyone answered.',
    ],
    [
      'a phone party hanging up',
      { code: 0, subCode: 560000 },
      'Casey Morgan hung up.',
      'The caller hung up.',
    ],
    ['no answer', { code: 408, subCode: 4506 }, 'Casey Morgan never answered.', 'The callee never answered.'],
    [
      'an offline callee',
      { code: 480, subCode: 10076 },
      'Casey Morgan is offline.',
      'The person called is offline.',
    ],
    ['the agent hanging up', { code: 0, subCode: 0 }, 'You hung up.', 'You hung up.'],
  ];
  for (const [what, reason, placed, offered] of sides) {
    it(`says ${what} as the caller and as the callee read it`, () => {
      expect(describeCallEnd('Outgoing', reason, 'Casey Morgan')).toBe(placed);
      expect(describeCallEnd('Incoming', reason, 'Casey Morgan')).toBe(offered);
    });
  }

  it('says "the person called" where the console has no name for them', () => {
    expect(describeCallEnd('Outgoing', { code: 603, subCode: 0 }, null)).toBe(
      'The person called declined the call.',
    );
  });
});

describe('why a placed call or a joined meeting did not connect', () => {
  it('names the callee, and keeps the code beside the sentence rather than in it', () => {
    expect(describeUnansweredCall('Casey Morgan', { code: 603, subCode: 0 })).toEqual({
      message: 'Casey Morgan declined the call.',
      code: 603,
      subCode: 0,
    });
    expect(describeUnansweredCall('Casey Morgan', { code: 499, subCode: 3 })).toEqual({
      message: 'The call to Casey Morgan did not connect.',
      code: 499,
      subCode: 3,
    });
    expect(describeUnansweredCall('Casey Morgan', { code: 408, subCode: 40114 })?.message).toBe(
      'The call to Casey Morgan did not connect: the connection to the calling service was lost.',
    );
  });

  it('reports nothing when the agent ended it themselves (the active call panel says so)', () => {
    expect(describeUnansweredCall('Casey Morgan', { code: 0, subCode: 0 })).toBeNull();
    expect(describeUnansweredCall('Casey Morgan', { code: 487, subCode: 0 })).toBeNull();
    expect(describeUnjoinedMeeting({ code: 0, subCode: 0 })).toBeNull();
  });

  it('says a meeting could not be joined, with an unknown pair’s code only beside it', () => {
    expect(describeUnjoinedMeeting({ code: 499, subCode: 3 })).toEqual({
      message: 'Could not join the Teams meeting.',
      code: 499,
      subCode: 3,
    });
  });

  it('tells an offline agent what to wait for', () => {
    expect(OFFLINE_MESSAGE).toBe('You are offline: calls can be placed once Switchboard is back online.');
  });
});
