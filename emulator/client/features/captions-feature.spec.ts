import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type {
  Features as SdkFeatures,
  TeamsCall,
  TeamsCaptions,
  TeamsCaptionsInfo,
} from '@azure/communication-calling';
import { WORD_MS, WORDS_PER_PARTIAL } from '../../engine/speech';
import { CALLER_SCRIPT } from '../../engine/scripts';
import { consoles } from '../../testing/consoles';
import { msUntilCallerSpeaks } from '../../testing/speaking-probe';
import { Features, listenerCount } from '../index';

const SEED = 7;

const captionsOf = (call: TeamsCall) =>
  call.feature(Features.Captions as unknown as typeof SdkFeatures.Captions).captions as TeamsCaptions;

/**
 * Alex on a queue call from Robin Park, who talks for as long as the test needs, the clock at the
 * moment Alex answered; captions and the caller's speaking written down in words, as they come.
 */
async function answeredCall() {
  const speaksAt = await msUntilCallerSpeaks(SEED, 1);
  const context = await consoles('alex');
  const { emulator, world, consoles: c, watch } = context;
  const timersBefore = emulator.clock.pendingTimers;
  world.enqueuePhoneCall({ displayName: 'Robin Park', patienceMs: 60_000, talkMs: 600_000 });
  await emulator.settle();
  const call = await c.alex.ringing[0].accept();
  const answeredAt = world.clock.now();
  const captions = captionsOf(call);
  const log: string[] = [];
  watch(
    captions,
    ['CaptionsActiveChanged'],
    log,
    '',
    (t) => `captions ${t.isCaptionsFeatureActive ? 'on' : 'off'}`,
  );
  watch(captions, ['CaptionsReceived'], log, '', (_t, _e, args) => {
    const info = args as TeamsCaptionsInfo;
    return `${info.resultType} ${info.speaker.displayName}: ${info.spokenText}`;
  });
  watch(call.remoteParticipants[0], ['isSpeakingChanged'], log, '', (p) =>
    p.isSpeaking ? 'speaking' : 'quiet',
  );
  return { ...context, call, captions, log, speaksAt, answeredAt, timersBefore };
}

describe('Features.Captions (Teams captions)', () => {
  it('starts and stops on a call, saying so with CaptionsActiveChanged', async () => {
    const { emulator, call, captions, log, finish } = await answeredCall();
    assert.equal(captions.kind, 'TeamsCaptions');
    assert.equal(captions.isCaptionsFeatureActive, false);
    assert.equal(captions.activeSpokenLanguage, 'en-us');
    assert.equal(captions.activeCaptionLanguage, 'en');
    assert.ok(captions.supportedSpokenLanguages.includes('es-es'));
    await captions.startCaptions({ spokenLanguage: 'en-us' });
    await emulator.settle();
    assert.equal(captions.isCaptionsFeatureActive, true);
    await captions.startCaptions();
    await captions.stopCaptions();
    await captions.stopCaptions();
    await emulator.settle();
    assert.deepEqual(log, ['captions on', 'captions off']);
    await call.hangUp();
    await finish();
  });

  it("gives the caller's turn as Partial results every few words, then the Final one, with speaker and time", async () => {
    const { emulator, call, captions, log, speaksAt, answeredAt, finish } = await answeredCall();
    await captions.startCaptions();
    const received: TeamsCaptionsInfo[] = [];
    const keep = (info: TeamsCaptionsInfo) => received.push(info);
    captions.on('CaptionsReceived', keep);
    await emulator.advance(speaksAt);
    const partialMs = WORDS_PER_PARTIAL * WORD_MS;
    await emulator.advance(partialMs - 1);
    assert.deepEqual(log.splice(0), ['captions on', 'speaking'], 'no caption before the first words');
    await emulator.advance(1);
    await emulator.advance(partialMs);
    await emulator.advance(partialMs);
    await emulator.advance(WORD_MS);
    assert.deepEqual(log.splice(0), [
      "Partial Robin Park: Hi, I'm calling",
      "Partial Robin Park: Hi, I'm calling about a charge",
      "Partial Robin Park: Hi, I'm calling about a charge on my last",
      `Final Robin Park: ${CALLER_SCRIPT[0]}`,
      'quiet',
    ]);
    const spokeAt = answeredAt + speaksAt;
    for (const info of received) {
      assert.equal(info.timestamp.getTime(), spokeAt, 'when the turn’s first words were spoken');
      assert.deepEqual(info.speaker.identifier, call.remoteParticipants[0].identifier);
      assert.equal(info.spokenLanguage, 'en-us');
      assert.equal(info.captionLanguage, 'en');
      assert.equal(info.captionText, info.spokenText);
    }
    captions.off('CaptionsReceived', keep);
    await call.hangUp();
    await finish();
  });

  it('says the card number in a later turn, and nothing once captions stop', async () => {
    const { emulator, call, captions, log, finish } = await answeredCall();
    await captions.startCaptions();
    await emulator.advance(30_000);
    const finals = log.filter((line) => line.startsWith('Final'));
    assert.ok(finals.includes(`Final Robin Park: ${CALLER_SCRIPT[1]}`), finals.join('\n'));
    assert.match(CALLER_SCRIPT[1], /4111 1111 1111 1111/);
    await captions.stopCaptions();
    await emulator.settle();
    log.splice(0);
    await emulator.advance(30_000);
    assert.ok(log.length > 0 && log.every((line) => line === 'speaking' || line === 'quiet'), log.join('\n'));
    await call.hangUp();
    await finish();
  });

  it('sends nothing after the call ends, and its timers and listeners go with it', async () => {
    const { emulator, call, captions, log, speaksAt, timersBefore, finish } = await answeredCall();
    const baseline = listenerCount();
    await captions.startCaptions();
    captions.on('CaptionsReceived', () => undefined);
    await emulator.advance(speaksAt + WORDS_PER_PARTIAL * WORD_MS);
    assert.equal(log.filter((line) => line.startsWith('Partial')).length, 1);
    await call.hangUp();
    await emulator.settle();
    log.splice(0);
    await emulator.advance(60_000);
    assert.deepEqual(log, []);
    // The captions' two watchers and the listener left on them went with the call's features.
    assert.equal(listenerCount(), baseline - 2);
    assert.equal(emulator.clock.pendingTimers, timersBefore);
    await finish();
  });

  it('finishes a line cut short when the caller hangs up mid-sentence, as far as it got', async () => {
    const { emulator, world, call, captions, log, speaksAt, finish } = await answeredCall();
    await captions.startCaptions();
    await emulator.advance(speaksAt + WORDS_PER_PARTIAL * WORD_MS + 1);
    const [worldCall] = world.calls.all.values();
    const caller = [...worldCall.parties.values()].find((party) => party.kind === 'phone')!;
    world.calls.leave(worldCall, caller, { code: 0, subCode: 560000 });
    await emulator.settle();
    assert.deepEqual(log.slice(-3), [
      "Partial Robin Park: Hi, I'm calling",
      "Final Robin Park: Hi, I'm calling",
      'quiet',
    ]);
    assert.equal(call.state, 'Disconnected');
    await finish();
  });

  it('stops the turn when the agent holds (nobody hears the caller), and the caller speaks again after the resume', async () => {
    const { emulator, call, captions, log, speaksAt, finish } = await answeredCall();
    await captions.startCaptions();
    await emulator.advance(speaksAt + 2 * WORDS_PER_PARTIAL * WORD_MS);
    await call.hold();
    await emulator.settle();
    assert.deepEqual(log.slice(-2), ["Final Robin Park: Hi, I'm calling about a charge", 'quiet']);
    log.splice(0);
    await emulator.advance(60_000);
    assert.deepEqual(log.splice(0), [], 'quiet while held');
    await call.resume();
    await emulator.advance(10_000);
    assert.ok(log.includes(`Final Robin Park: ${CALLER_SCRIPT[1]}`), log.join('\n'));
    await call.hangUp();
    await finish();
  });

  it('sets the spoken language for the call, refuses one it does not know, and translation without Teams Premium', async () => {
    const { emulator, call, captions, finish } = await answeredCall();
    await captions.startCaptions();
    const changes: string[] = [];
    const onSpoken = () => changes.push(`spoken ${captions.activeSpokenLanguage}`);
    const onCaption = () => changes.push(`caption ${captions.activeCaptionLanguage}`);
    captions.on('SpokenLanguageChanged', onSpoken);
    captions.on('CaptionLanguageChanged', onCaption);
    await captions.setSpokenLanguage('es-es');
    await emulator.settle();
    assert.deepEqual(changes, ['spoken es-es', 'caption es']);
    await assert.rejects(captions.setSpokenLanguage('xx-yy'), { code: 400, subCode: 49030 });
    await captions.setCaptionLanguage('es');
    await assert.rejects(
      captions.setCaptionLanguage('fr'),
      (error: Error & { code: number; subCode: number }) => {
        assert.equal(`${error.code}/${error.subCode}`, '403/49031');
        assert.match(error.message, /Teams Premium/);
        return true;
      },
    );
    await assert.rejects(captions.setCaptionLanguage('klingon'), { code: 400, subCode: 49030 });
    captions.off('SpokenLanguageChanged', onSpoken);
    captions.off('CaptionLanguageChanged', onCaption);
    await call.hangUp();
    await finish();
  });
});
