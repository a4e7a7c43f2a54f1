import { REDIRECT_BRIDGE_PATH } from './auth-paths';

/** Whether this page load is Entra ID answering a sign-in (in a popup, a hidden frame or the tab). */
export function isRedirectBridge(location: Location): boolean {
  return location.pathname === REDIRECT_BRIDGE_PATH;
}

/**
 * MSAL's redirect bridge: hands Entra's answer to the window or frame that is waiting for it (a
 * popup's or hidden frame's over a BroadcastChannel; a redirect's by going back to the page that
 * started it), and starts nothing else on this page: no console, no MSAL instance, no guard.
 */
export async function runRedirectBridge(document: Document): Promise<void> {
  const { broadcastResponseToMainFrame } = await import('@azure/msal-browser/redirect-bridge');
  try {
    await broadcastResponseToMainFrame();
  } catch {
    // Opened by hand, or an answer already taken: nothing to hand on.
    document.body.innerHTML =
      '<main style="font-family: system-ui, sans-serif; margin: 48px auto; max-width: 480px">' +
      '<h1>Nothing to sign in here</h1>' +
      '<p>This page finishes a Microsoft sign-in, and none is under way. <a href="/">Open Switchboard</a>.</p>' +
      '</main>';
  }
}
