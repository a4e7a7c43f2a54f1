import type { CallCapabilities } from '../../model/snapshots';
import { addPeoplePermission, permissionFor } from './capability-permission';

describe('capabilities in words', () => {
  it('allows what the call allows, and what it has not said either way', () => {
    expect(permissionFor(null, 'removeParticipant', 'meeting')).toEqual({ allowed: true, reason: null });
    expect(permissionFor({}, 'muteOthers', 'group')).toEqual({ allowed: true, reason: null });
    expect(
      permissionFor({ muteOthers: { isPresent: true, reason: 'Capable' } }, 'muteOthers', 'meeting').allowed,
    ).toBeTrue();
  });

  it('says who may when a meeting role forbids it', () => {
    const attendee = {
      removeParticipant: { isPresent: false, reason: 'RoleRestricted' as const },
      muteOthers: { isPresent: false, reason: 'RoleRestricted' as const },
    };
    expect(permissionFor(attendee, 'removeParticipant', 'meeting')).toEqual({
      allowed: false,
      reason: 'Only the organizer and presenters can remove people from this meeting.',
    });
    expect(permissionFor(attendee, 'muteOthers', 'meeting').reason).toBe(
      'Only the organizer and presenters can mute other people in this meeting.',
    );
    expect(permissionFor(attendee, 'muteOthers', 'group').reason).toBe(
      'Your role does not let you mute other people in this group call.',
    );
  });

  it('names the kind of call, the policy or the licence that stands in the way', () => {
    const denied = (reason: string) => ({ turnVideoOn: { isPresent: false, reason } }) as CallCapabilities;
    expect(
      permissionFor(denied('CapabilityNotApplicableForTheCallType'), 'turnVideoOn', 'oneToOne').reason,
    ).toBe('A one-to-one call does not let you turn your camera on.');
    expect(permissionFor(denied('UserPolicyRestricted'), 'turnVideoOn', 'group').reason).toBe(
      'Your Teams policy does not let you turn your camera on.',
    );
    expect(permissionFor(denied('MeetingRestricted'), 'turnVideoOn', 'meeting').reason).toBe(
      "The meeting's options do not let you turn your camera on.",
    );
    expect(permissionFor(denied('TeamsPremiumLicenseRestricted'), 'turnVideoOn', 'meeting').reason).toBe(
      'You need a Teams Premium license to turn your camera on.',
    );
    expect(permissionFor(denied('NotInitialized'), 'turnVideoOn', 'meeting').reason).toBe(
      'Still checking whether you can turn your camera on.',
    );
    expect(permissionFor(denied('SomethingNew'), 'turnVideoOn', 'meeting').reason).toBe(
      'You cannot turn your camera on in this meeting.',
    );
  });

  it('lets the agent add someone when either Teams users or phone numbers may be added', () => {
    const denied = { isPresent: false, reason: 'RoleRestricted' } as const;
    const capable = { isPresent: true, reason: 'Capable' } as const;
    expect(
      addPeoplePermission({ addTeamsUser: denied, addPhoneNumber: capable }, 'meeting').allowed,
    ).toBeTrue();
    expect(addPeoplePermission(null, 'oneToOne').allowed).toBeTrue();
    expect(addPeoplePermission({ addTeamsUser: denied, addPhoneNumber: denied }, 'meeting')).toEqual({
      allowed: false,
      reason: 'Only the organizer and presenters can add people to this meeting.',
    });
  });
});
