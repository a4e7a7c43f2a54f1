import { TestBed } from '@angular/core/testing';
import type { Party } from '../model/snapshots';
import { PartyComponent } from './party.component';

describe('PartyComponent', () => {
  const phone = { kind: 'phoneNumber' as const, rawId: '4:+14255550123', phoneNumber: '+14255550123' };

  async function render(party: Party): Promise<string> {
    const fixture = TestBed.createComponent(PartyComponent);
    fixture.componentRef.setInput('party', party);
    await fixture.whenStable();
    return ((fixture.nativeElement as HTMLElement).textContent ?? '').replace(/\s+/g, ' ').trim();
  }

  it('shows the name with the number beside it, so the agent can read both back', async () => {
    expect(await render({ identity: phone, displayName: 'Dana Smith' })).toBe('Dana Smith +1 (425) 555-0123');
  });

  it('shows the number once when the caller has no name, and names an unknown caller', async () => {
    expect(await render({ identity: phone, displayName: null })).toBe('+1 (425) 555-0123');
    expect(await render({ identity: null, displayName: null })).toBe('Unknown caller');
  });
});
