import { CallingFailure, describeEndReason, toFailure } from './calling-codes';

describe('calling codes', () => {
  it('tells the agent another agent answered when accept comes too late', () => {
    const error = Object.assign(new Error('Incoming call is not ringing'), { code: 400, subCode: 41006 });
    expect(toFailure(error, 'accept')).toEqual({
      message: 'This call is no longer ringing: another agent answered it or the caller hung up.',
      code: 400,
      subCode: 41006,
    });
  });

  it('falls back to the bare code, then to the operation and the SDK message', () => {
    expect(toFailure({ code: 429, message: 'throttled' }, 'mute').message).toContain(
      'Too many mute requests',
    );
    expect(toFailure({ code: 429, message: 'throttled' }, 'hold')).toEqual({
      message: 'The calling service is throttling requests. Wait a few seconds and try again.',
      code: 429,
    });
    expect(toFailure(new Error('socket closed'), 'hold')).toEqual({
      message: 'Putting the call on hold failed: socket closed',
    });
  });

  it('keeps the console’s own failures as they are written', () => {
    expect(toFailure(new CallingFailure('This call has already ended.'), 'hangUp').message).toBe(
      'This call has already ended.',
    );
  });

  it('says how a call ended in words, never a bare number', () => {
    expect(describeEndReason({ code: 487, subCode: 10003 })).toBe('Another agent answered this call.');
    expect(describeEndReason({ code: 0, subCode: 560000 })).toBe('The caller hung up.');
    expect(describeEndReason({ code: 503 })).toBe('The calling service is unavailable.');
    expect(describeEndReason({ code: 499, subCode: 12 })).toBe('The call ended (code 499/12).');
  });
});
