import {
  EnvironmentInjector,
  inject,
  provideEnvironmentInitializer,
  type EnvironmentProviders,
  PendingTasks,
  type Injector,
} from '@angular/core';

/**
 * The keyboard shortcuts and where focus goes after Accept and Hang up, from the moment someone
 * is signed in (the workspaces' parent route). They load after the route does, so the first
 * download stays the shell and sign-in.
 */
export function provideKeyboardShortcuts(): EnvironmentProviders {
  return provideEnvironmentInitializer(() => {
    const injector = inject(EnvironmentInjector);
    void Promise.all([import('./keyboard-shortcuts'), import('./call-focus')]).then(
      ([{ KeyboardShortcuts }, { CallFocus }]) => {
        injector.get(KeyboardShortcuts).start();
        injector.get(CallFocus).start();
      },
    );
  });
}

/**
 * The `Keyboard shortcuts` dialog, loaded when first asked for (the toolbar's button). The app is
 * not stable until it is open.
 */
export async function showShortcutsHelp(injector: Injector): Promise<void> {
  const done = injector.get(PendingTasks).add();
  try {
    (await import('./open-shortcuts-help')).openShortcutsHelp(injector);
  } finally {
    done();
  }
}
