/**
 * The page every Entra answer comes back to (register `<origin>/redirect` as a single-page app
 * redirect URI): `main.ts` hands the answer to the window or frame that asked (MSAL's redirect
 * bridge) and starts nothing else there. Kept apart from MSAL's configuration so that the start,
 * which needs only the paths, does not bring MSAL with it.
 */
export const REDIRECT_BRIDGE_PATH = '/redirect';
/** Where sign-out and a failed sign-in land (register `<origin>/sign-in` too). */
export const SIGN_IN_PATH = '/sign-in';
