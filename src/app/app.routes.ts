import type { Routes } from '@angular/router';
import { MsalGuard } from '@azure/msal-angular';
import { SIGN_IN_PATH } from './core/auth/msal-configuration';
import { SignInPageComponent } from './features/sign-in/sign-in-page.component';

/**
 * The workspace needs a signed-in Microsoft account: MsalGuard sends anyone else to sign in. It
 * loads on its own, after start: the first visit downloads only the shell and sign-in.
 */
export const routes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    canActivate: [MsalGuard],
    loadComponent: () =>
      import('./features/dashboard/dashboard-page.component').then((m) => m.DashboardPageComponent),
  },
  { path: SIGN_IN_PATH.slice(1), component: SignInPageComponent, title: 'Sign in · Switchboard' },
  { path: '**', redirectTo: '' },
];
