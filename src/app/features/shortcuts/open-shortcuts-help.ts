import type { Injector } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { ShortcutsHelpComponent } from './shortcuts-help.component';

/** The `Keyboard shortcuts` dialog, from `?` or the toolbar's button; one at a time. */
export function openShortcutsHelp(injector: Injector): void {
  const dialog = injector.get(MatDialog);
  if (dialog.openDialogs.some((open) => open.componentInstance instanceof ShortcutsHelpComponent)) return;
  dialog.open(ShortcutsHelpComponent, { ariaLabelledBy: 'shortcuts-help-title' });
}
