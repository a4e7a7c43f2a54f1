import { bootstrapApplication } from '@angular/platform-browser';
import { App } from './app/app';
import { appConfig } from './app/app.config';
import { isRedirectBridge, runRedirectBridge } from './app/core/auth/redirect-bridge';
import { loadRuntimeConfig } from './app/core/runtime-config';
import { environment } from './environments/environment';

if (isRedirectBridge(location)) {
  // Entra ID's answer to a sign-in: handed to whoever asked, and nothing else starts here.
  void runRedirectBridge(document);
} else {
  // Configuration is read when the console starts, not baked into the build.
  loadRuntimeConfig(environment.configUrl)
    .then((config) => bootstrapApplication(App, appConfig(config)))
    .catch((error: unknown) => {
      document.body.textContent = `Switchboard could not start: ${error instanceof Error ? error.message : String(error)}`;
      console.error(error);
    });
}
