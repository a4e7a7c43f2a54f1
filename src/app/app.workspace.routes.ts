import type { Routes } from '@angular/router';
import { provideKeyboardShortcuts } from './features/shortcuts/provide-keyboard-shortcuts';
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
 * The workspaces, loaded once sign-in lets the visitor in (`app.routes.ts`), with the state and
 * effects of handling calls, registered once on their parent route, so that these load with them
 * too. Each workspace is for one role, as the token says (its guard sends anyone else to their
 * own). Settings and history are for both roles.
 */
export const workspaceRoutes: Routes = [
  {
    path: '',
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
];
