import { DOCUMENT } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { AUDIO_CONTEXT_FACTORY, Ringtone } from './ringtone';
import { FakeAudioContext, fakeAudioContextFactory } from './testing/fake-audio-context';

describe('Ringtone', () => {
  let audio: FakeAudioContext;
  let made: number;

  function setUp() {
    audio = new FakeAudioContext();
    made = 0;
    const make = fakeAudioContextFactory(audio);
    TestBed.configureTestingModule({
      providers: [
        {
          provide: AUDIO_CONTEXT_FACTORY,
          useValue: () => {
            made++;
            return make();
          },
        },
      ],
    });
    return TestBed.inject(Ringtone);
  }

  it('makes no sound and no audio context until a call rings or the page is used', () => {
    const ringtone = setUp();
    ringtone.stop();
    expect(made).toBe(0);
    expect(ringtone.blocked()).toBeFalse();
  });

  it('rings with oscillators while asked, and stops with nothing left sounding', () => {
    const ringtone = setUp();
    audio.useThePage();
    ringtone.start();
    expect(audio.sounding).toBe(3);
    ringtone.start();
    expect(audio.sounding).toBe(3);
    ringtone.stop();
    expect(audio.sounding).toBe(0);
    ringtone.start();
    expect(audio.sounding).toBe(3);
    expect(made).toBe(1);
  });

  it('says it is blocked until the page is used, then rings at once on the first key or click', () => {
    const ringtone = setUp();
    ringtone.start();
    expect(ringtone.blocked()).toBeTrue();
    expect(audio.sounding).toBe(0);

    audio.useThePage();
    TestBed.inject(DOCUMENT).dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab' }));
    expect(ringtone.blocked()).toBeFalse();
    expect(audio.sounding).toBe(3);
  });

  it('is no longer blocked once nothing rings', () => {
    const ringtone = setUp();
    ringtone.start();
    ringtone.stop();
    expect(ringtone.blocked()).toBeFalse();
    audio.useThePage();
    ringtone.unlock();
    expect(audio.sounding).toBe(0);
  });

  it('plays on the speaker the agent chose, where the browser can choose one', () => {
    const ringtone = setUp();
    ringtone.useSpeaker('speaker-2');
    ringtone.start();
    expect(audio.sinkId).toBe('speaker-2');
    ringtone.useSpeaker(null);
    expect(audio.sinkId).toBe('');
  });

  it('leaves nothing playing when the page goes away', () => {
    const ringtone = setUp();
    audio.useThePage();
    ringtone.start();
    TestBed.resetTestingModule();
    expect(audio.sounding).toBe(0);
    expect(audio.state).toBe('closed');
  });
});
