import type { Routes } from '@angular/router';
import { MsalGuard } from '@azure/msal-angular';
import { SIGN_IN_PATH } from './core/auth/msal-configuration';
import { DashboardPageComponent } from './features/dashboard/dashboard-page.component';
import { SignInPageComponent } from './features/sign-in/sign-in-page.component';

/** The workspace needs a signed-in Microsoft account: MsalGuard sends anyone else to sign in. */
export const routes: Routes = [
  { path: '', pathMatch: 'full', canActivate: [MsalGuard], component: DashboardPageComponent },
  { path: SIGN_IN_PATH.slice(1), component: SignInPageComponent, title: 'Sign in · Switchboard' },
  { path: '**', redirectTo: '' },
];
