import { describeChatRefusal, describeNotJoined, withChatLeftover } from './escalation-codes';

describe('what a person brought into a call is told about, by name', () => {
  const cases: [string, { code: number; subCode?: number } | null, string][] = [
    ['busy number', { code: 486, subCode: 560486 }, 'Sam Okafor is busy.'],
    ['busy Teams user', { code: 486 }, 'Sam Okafor is busy.'],
    ['decline', { code: 603, subCode: 0 }, 'Sam Okafor declined the call.'],
    ['no answer', { code: 487, subCode: 10004 }, 'Sam Okafor did not answer.'],
    ['offline', { code: 480, subCode: 10076 }, 'Sam Okafor is offline.'],
    ['never signed in', { code: 480, subCode: 10037 }, 'Sam Okafor is not signed in to Teams anywhere.'],
    [
      'information barrier',
      { code: 403, subCode: 49020 },
      'An information barrier keeps Sam Okafor out of this call.',
    ],
    // The code is shown beside the sentence (`sb-failure-message`), never in it as well.
    ['unknown pair', { code: 499, subCode: 7 }, 'Sam Okafor did not join.'],
    [
      'service failure',
      { code: 500, subCode: 7 },
      'Sam Okafor did not join. The calling service had a problem.',
    ],
    ['no reason', null, 'Sam Okafor did not join.'],
  ];
  for (const [what, reason, message] of cases) {
    it(`says a ${what} in words, keeping the code`, () => {
      const failure = describeNotJoined('Sam Okafor', reason);
      expect(failure.message).toBe(message);
      expect(failure.code).toBe(reason?.code);
      expect(failure.subCode).toBe(reason?.subCode);
    });
  }

  it('says Graph refused a chat member (403) as a barrier or a permission, not a bare status', () => {
    expect(
      describeChatRefusal('Sam Okafor', { message: 'Adding them to the call’s chat failed.', code: 403 }),
    ).toEqual({
      message:
        'Sam Okafor could not be added to the call’s chat: Microsoft Graph refused (an information barrier between you, or your account is not allowed to add chat members). They were not called.',
      code: 403,
    });
  });

  it('says when someone is left in the chat because taking them out failed', () => {
    const failure = withChatLeftover({ message: 'Sam Okafor is busy.', code: 486 }, 'Sam Okafor', {
      message:
        'Removing them from the call’s chat failed: Microsoft Graph is busy: wait a few seconds and try again.',
    });
    expect(failure.message).toBe(
      'Sam Okafor is busy. Sam Okafor is still in the call’s chat. Removing them from the call’s chat failed: Microsoft Graph is busy: wait a few seconds and try again.',
    );
    expect(failure.code).toBe(486);
  });
});
