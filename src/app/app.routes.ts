import type { Routes } from '@angular/router';
import { SIGN_IN_PATH } from './core/auth/msal-configuration';
import { signedInGuard } from './core/auth/signed-in.guard';
import { SignInPageComponent } from './features/sign-in/sign-in-page.component';
import { provideWorkspaceState } from './state/provide-workspace-state';

/**
 * The workspace needs a signed-in Microsoft account: its guard sends anyone else to sign in. It
 * loads on its own, after start, with its state and effects: the first visit downloads only the
 * shell and sign-in.
 */
export const routes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    canActivate: [signedInGuard],
    providers: [provideWorkspaceState()],
    loadComponent: () =>
      import('./features/dashboard/dashboard-page.component').then((m) => m.DashboardPageComponent),
  },
  { path: SIGN_IN_PATH.slice(1), component: SignInPageComponent, title: 'Sign in · Switchboard' },
  { path: '**', redirectTo: '' },
];
