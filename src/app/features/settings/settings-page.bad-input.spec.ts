import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { DEFAULT_SETTINGS } from '../../model/settings';
import { SETTINGS_STORAGE, settingsKey } from '../../state/settings/settings-storage';
import { settingsFeature } from '../../state/settings/settings.feature';
import { startEmulatedConsole } from '../../state/testing/emulated-console';
import { BAD_INPUT } from '../testing/bad-input';
import { SettingsPageComponent } from './settings-page.component';
import { SettingsPageHarness } from './settings-page.harness';

describe('SettingsPageComponent and the bad-input corpus (test-corpus/console-inputs.json)', () => {
  async function open() {
    const app = await startEmulatedConsole('alex');
    const fixture = TestBed.createComponent(SettingsPageComponent);
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const page = await TestbedHarnessEnvironment.harnessForFixture(fixture, SettingsPageHarness);
    const user = app.emulator.world.directory.user('alex')!;
    const kept = () => TestBed.inject(SETTINGS_STORAGE).getItem(settingsKey(user.microsoftTeamsUserId));
    const settings = () => app.state(settingsFeature.selectSettingsState);
    return { loader, page, settings, kept };
  }

  it('says what is wrong with each bad number of days, and keeps 30', async () => {
    const { loader, page, settings, kept } = await open();
    const field = await loader.getHarness(
      MatFormFieldHarness.with({ floatingLabelText: 'Keep history for (days)' }),
    );
    const input = await (await field.getControl(MatInputHarness))!.host();
    for (const entry of BAD_INPUT.historyDays) {
      // Whole, as the browser hands a number field's value over: key by key, the harness's typing
      // would drop what a number field cannot hold half-typed ("1e" of "1e3").
      await input.setInputValue(entry.text);
      await input.dispatchEvent('change');
      expect(await page.getProblem('Keep history for (days)'))
        .withContext(entry.what)
        .toBe(entry.message);
    }
    expect(settings().historyDays).toBe(DEFAULT_SETTINGS.historyDays);
    expect(kept()).toBeNull();
  });

  it('refuses each key another action has or that sends a tone, naming why, and keeps the key it had', async () => {
    const { page, settings, kept } = await open();
    for (const entry of BAD_INPUT.shortcutKeys) {
      await page.pressKey(entry.field, entry.modifiers, entry.key);
      expect(await page.getProblem(entry.field))
        .withContext(entry.what)
        .toBe(entry.message);
    }
    expect(settings().shortcutKeys).toEqual(DEFAULT_SETTINGS.shortcutKeys);
    expect(kept()).toBeNull();
  });
});
