/** Who is on a call now, as far as its chat thread is concerned. */
export interface CallParties {
  /** The call's chat thread, if it has one (group calls and meetings; a 1:1 has none). */
  readonly threadId: string | undefined;
  /** Teams users on the call, the signed-in user first. */
  readonly teamsUserIds: readonly string[];
  readonly hasPhoneParty: boolean;
}
