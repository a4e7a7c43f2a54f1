import type { CallerInfo } from '@azure/communication-calling';
import { toRouting } from './snapshots';
import { describeTransferFailure, transferContext } from './transfer';

const BILLING: CallerInfo = {
  identifier: {
    kind: 'microsoftTeamsApp',
    teamsAppId: '00000000-0000-4000-8000-00000000c001',
    rawId: '28:orgid:00000000-0000-4000-8000-00000000c001',
    cloud: 'public',
  },
  displayName: 'Billing',
};
const ALEX: CallerInfo = {
  identifier: {
    kind: 'microsoftTeamsUser',
    microsoftTeamsUserId: '00000000-0000-4000-8000-00000000a001',
    rawId: '8:orgid:00000000-0000-4000-8000-00000000a001',
    cloud: 'public',
  },
  displayName: 'Alex Rivera',
};
const RANG_AT = Date.UTC(2026, 11, 6, 9, 30);

describe('transfer context', () => {
  it('tells a queue (its resource account) from a colleague who transferred the call', () => {
    expect(toRouting(BILLING, undefined)).toEqual({
      queue: 'Billing',
      queueAccount: '28:orgid:00000000-0000-4000-8000-00000000c001',
      transferredBy: null,
      waitingSince: null,
    });
    expect(toRouting(ALEX, transferContext({ queue: 'Billing', waitingSince: RANG_AT }))).toEqual({
      queue: 'Billing',
      queueAccount: null,
      transferredBy: 'Alex Rivera',
      waitingSince: RANG_AT,
    });
  });

  it('sends the queue and the first ring as voip headers, only for a call that came from a queue', () => {
    expect(transferContext({ queue: 'Billing', waitingSince: RANG_AT })).toEqual({
      voipHeaders: [
        { key: 'X-MS-Custom-Switchboard-Queue', value: 'Billing' },
        { key: 'X-MS-Custom-Switchboard-Waiting-Since', value: '2026-12-06T09:30:00.000Z' },
      ],
    });
    expect(transferContext({ queue: null, waitingSince: null })).toBeUndefined();
  });

  it('reads a direct transfer as from nobody’s queue, and ignores a wait it cannot read', () => {
    expect(
      toRouting(ALEX, { voipHeaders: [{ key: 'X-MS-Custom-Switchboard-Waiting-Since', value: 'soon' }] }),
    ).toEqual({
      queue: null,
      queueAccount: null,
      transferredBy: 'Alex Rivera',
      waitingSince: null,
    });
    expect(toRouting(undefined, undefined).transferredBy).toBeNull();
  });

  it('says why a transfer failed, of the target by name, with ACS’s code', () => {
    expect(describeTransferFailure('Blake Chen', { code: 603, subCode: 0 })).toEqual({
      message: 'Blake Chen declined the call.',
      code: 603,
      subCode: 0,
    });
    expect(describeTransferFailure('Blake Chen', { code: 486 }).message).toBe('Blake Chen is busy.');
    expect(describeTransferFailure('Blake Chen', { code: 480, subCode: 10037 }).message).toBe(
      'Blake Chen is not signed in to Teams anywhere.',
    );
    expect(describeTransferFailure('Blake Chen', { code: 403 })).toEqual({
      message: 'The calling service does not allow this transfer.',
      code: 403,
    });
    expect(describeTransferFailure('Blake Chen', { code: 403, subCode: 49020 }).message).toContain(
      'an information barrier keeps them out',
    );
    expect(describeTransferFailure('Blake Chen', { code: 404, subCode: 10202 })).toEqual({
      message: 'The call with Blake Chen has already ended.',
      code: 404,
      subCode: 10202,
    });
  });
});
