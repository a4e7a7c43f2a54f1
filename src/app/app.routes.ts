import type { Routes } from '@angular/router';
import { SIGN_IN_PATH } from './core/auth/auth-paths';
import { signedInGuard } from './core/auth/signed-in.guard';

/**
 * The workspaces need a signed-in Microsoft account (the guard sends anyone else to sign in). They
 * load on their own, after start, with the state and effects only they use
 * (`app.workspace.routes.ts`): the first visit downloads only the shell and sign-in.
 */
export const routes: Routes = [
  {
    path: '',
    canActivate: [signedInGuard],
    loadChildren: () => import('./app.workspace.routes').then((m) => m.workspaceRoutes),
  },
  {
    path: SIGN_IN_PATH.slice(1),
    loadComponent: () =>
      import('./features/sign-in/sign-in-page.component').then((m) => m.SignInPageComponent),
    title: 'Sign in · Switchboard',
  },
  { path: '**', redirectTo: '' },
];
