import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { DEFAULT_SETTINGS } from '../../model/settings';
import { SETTINGS_STORAGE, settingsKey } from '../../state/settings/settings-storage';
import { settingsFeature } from '../../state/settings/settings.feature';
import { startEmulatedConsole } from '../../state/testing/emulated-console';
import { SettingsPageComponent } from './settings-page.component';
import { SettingsPageHarness } from './settings-page.harness';

describe('SettingsPageComponent on the emulator', () => {
  async function open() {
    const app = await startEmulatedConsole('alex');
    const fixture = TestBed.createComponent(SettingsPageComponent);
    const page = await TestbedHarnessEnvironment.harnessForFixture(fixture, SettingsPageHarness);
    const settings = () => app.state(settingsFeature.selectSettingsState);
    const user = app.emulator.world.directory.user('alex')!;
    const kept = () => {
      const copy = TestBed.inject(SETTINGS_STORAGE).getItem(settingsKey(user.microsoftTeamsUserId));
      return copy === null ? null : (JSON.parse(copy) as typeof DEFAULT_SETTINGS);
    };
    return { app, fixture, page, settings, kept };
  }

  it('is headed Settings and keeps each switch the agent flips, under their name', async () => {
    const { page, settings, kept } = await open();
    expect(await page.getHeading()).toBe('Settings');
    expect(await page.isOn('Play a ringtone')).toBeTrue();
    await page.flip('Play a ringtone');
    await page.flip('Set me Away when I miss a queue call');
    await page.flip('Keep caption transcripts with history');
    expect(settings()).toEqual(
      jasmine.objectContaining({ sound: false, awayAfterMissedCall: false, keepTranscripts: true }),
    );
    expect(kept()).toEqual(settings());

    await page.restoreDefaults();
    expect(await page.isOn('Play a ringtone')).toBeTrue();
    expect(kept()).toEqual(DEFAULT_SETTINGS);
  });

  it('turns off every shortcut, single keys included, with one switch (WCAG 2.1.4)', async () => {
    const { page, settings } = await open();
    await page.flip('Keyboard shortcuts');
    expect(settings().shortcuts).toBeFalse();
    expect(await page.isDisabled('Digit keys send tones')).toBeTrue();
  });

  it('takes a new key for an action, and refuses one another action has, saying which', async () => {
    const { page, settings } = await open();
    await page.pressKey('Mute or unmute', { alt: true }, 'a');
    expect(await page.getProblem('Mute or unmute')).toBe(
      'Alt+A is already the key for “Accept the longest-waiting call”. Choose another.',
    );
    expect(settings().shortcutKeys.mute).toBe('Alt+M');

    await page.pressKey('Mute or unmute', { alt: true, control: true }, 'u');
    expect(await page.getProblem('Mute or unmute')).toBe('');
    expect(settings().shortcutKeys.mute).toBe('Ctrl+Alt+U');
    expect(await page.getValue('Mute or unmute')).toBe('Ctrl+Alt+U');

    await page.pressKey('Show keyboard shortcuts', {}, '5');
    expect(await page.getProblem('Show keyboard shortcuts')).toContain('5 sends a tone on the call');
  });

  it('keeps history for a whole number of days from 1 to 365, and says so otherwise', async () => {
    const { page, settings } = await open();
    await page.type('Keep history for (days)', '0');
    expect(await page.getProblem('Keep history for (days)')).toBe(
      'Type a whole number of days from 1 to 365.',
    );
    expect(settings().historyDays).toBe(30);
    await page.type('Keep history for (days)', '14');
    expect(await page.getProblem('Keep history for (days)')).toBe('');
    expect(settings().historyDays).toBe(14);
  });

  it('lists the SDK’s devices, applies a microphone at once, and shows its level', async () => {
    const { app, fixture, page, settings } = await open();
    await app.settle();
    await fixture.whenStable();
    const microphones = await page.getOptions('Microphone');
    expect(microphones.length).toBeGreaterThan(1);
    expect((await page.getOptions('Camera')).length).toBeGreaterThan(0);

    const other = microphones[microphones.length - 1]!;
    await page.choose('Microphone', other);
    await app.settle();
    await fixture.whenStable();
    const devices = await app.registry.deviceManager();
    expect(devices.selectedMicrophone?.name).toBe(other);
    expect(settings().microphoneId).toBe(devices.selectedMicrophone!.id);
    expect(await page.getChosen('Microphone')).toBe(other);
    expect(await page.getLevel()).toEqual(jasmine.any(Number));
  });
});
