import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { DtmfTone } from '@azure/communication-calling';
import { DtmfKeypadComponent } from './dtmf-keypad.component';
import { DtmfKeypadHarness } from './dtmf-keypad.harness';

describe('DtmfKeypadComponent', () => {
  async function render(sent: DtmfTone[] = []) {
    const fixture = TestBed.createComponent(DtmfKeypadComponent);
    fixture.componentRef.setInput('sent', sent);
    const tones: DtmfTone[] = [];
    fixture.componentInstance.tone.subscribe((tone) => tones.push(tone));
    const keypad = await TestbedHarnessEnvironment.harnessForFixture(fixture, DtmfKeypadHarness);
    return { fixture, keypad, tones };
  }

  it('sends the tone of each key clicked', async () => {
    const { keypad, tones } = await render();
    for (const key of ['1', '0', '*', '#']) await keypad.press(key);
    expect(tones).toEqual(['Num1', 'Num0', 'Star', 'Pound']);
  });

  it('sends the digits, * and # typed on the keyboard, and nothing for other keys', async () => {
    const { keypad, tones } = await render();
    await keypad.type('42a#*');
    expect(tones).toEqual(['Num4', 'Num2', 'Pound', 'Star']);
  });

  it('shows the tones sent, as the keys show them', async () => {
    const { fixture, keypad } = await render();
    expect(await keypad.getSent()).toBe('No tones sent yet.');
    fixture.componentRef.setInput('sent', ['Num1', 'Num2', 'Pound']);
    expect(await keypad.getSent()).toBe('Tones sent: 1 2 #');
  });
});
