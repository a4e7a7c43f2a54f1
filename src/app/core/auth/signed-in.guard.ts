import { MsalGuard } from '@azure/msal-angular';

/**
 * The guard of every route that needs a signed-in Microsoft account: MSAL's, which sends anyone
 * else to Entra ID's sign-in page (configured in `provide-sign-in.ts`). Routes take it from here,
 * so only `core/auth/` knows the sign-in is MSAL.
 */
export const signedInGuard = MsalGuard;
