import type { Routes } from '@angular/router';
import { SIGN_IN_PATH } from './core/auth/msal-configuration';
import { signedInGuard } from './core/auth/signed-in.guard';
import { provideKeyboardShortcuts } from './features/shortcuts/provide-keyboard-shortcuts';
import { SignInPageComponent } from './features/sign-in/sign-in-page.component';
import { workspaceFor } from './state/agent/workspace-guards';
import { provideSupervisorState } from './state/floor/provide-supervisor-state';
import { provideWorkspaceState } from './state/provide-workspace-state';

const loadHistory = () =>
  import('./features/history/history-page.component').then((m) => m.HistoryPageComponent);

const loadWorkspace = () =>
  import('./features/dashboard/dashboard-page.component').then((m) => m.DashboardPageComponent);

/** Numbers are grouped as each country writes them once signed in (the plans load with the route). */
const loadNumberingPlans = () =>
  import('./shared/numbering-plans').then(({ installNumberingPlans }) => {
    installNumberingPlans();
    return true;
  });

/**
 * The workspaces need a signed-in Microsoft account (the first guard sends anyone else to sign in)
 * and share the state and effects of handling calls, registered once on their parent route. Each is
 * for one role, as the token says (its guard sends anyone else to their own). They load on their
 * own, after start: the first visit downloads only the shell and sign-in. Settings are for both
 * roles.
 */
export const routes: Routes = [
  {
    path: '',
    canActivate: [signedInGuard],
    resolve: { numberingPlans: loadNumberingPlans },
    providers: [provideWorkspaceState(), provideKeyboardShortcuts()],
    children: [
      {
        path: '',
        pathMatch: 'full',
        canActivate: [workspaceFor('agent')],
        data: { audience: 'agent' },
        loadComponent: loadWorkspace,
      },
      {
        path: 'supervisor',
        canActivate: [workspaceFor('supervisor')],
        providers: [provideSupervisorState()],
        data: { audience: 'supervisor' },
        title: 'Supervisor · Switchboard',
        loadComponent: loadWorkspace,
      },
      // Agents' and supervisors' alike: both take calls.
      { path: 'history', title: 'Call history · Switchboard', loadComponent: loadHistory },
      {
        path: 'settings',
        title: 'Settings · Switchboard',
        loadComponent: () =>
          import('./features/settings/settings-page.component').then((m) => m.SettingsPageComponent),
      },
    ],
  },
  { path: SIGN_IN_PATH.slice(1), component: SignInPageComponent, title: 'Sign in · Switchboard' },
  { path: '**', redirectTo: '' },
];
