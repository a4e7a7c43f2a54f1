import { inject } from '@angular/core';
import { Router, type CanActivateFn } from '@angular/router';
import { Store } from '@ngrx/store';
import { filter, map, take } from 'rxjs/operators';
import type { SignedInUser } from '../../core/auth/signed-in-user';
import { agentFeature } from './agent.feature';

type Role = SignedInUser['role'];

/** Where each role works: the agent's dashboard, or the supervisor's workspace. */
const WORKSPACE_PATHS: Readonly<Record<Role, string>> = { agent: '/', supervisor: '/supervisor' };

/**
 * Lets in only the role a workspace is for, as the token says (`server/`'s answer carries the app
 * role from Entra ID; the console keeps no list of roles); anyone else goes to their own
 * workspace. It waits for the token exchange: the role is not known before it. If signing in
 * failed there is no role, and the shell says why instead of any workspace.
 */
export function workspaceFor(role: Role): CanActivateFn {
  return () => {
    const router = inject(Router);
    return inject(Store)
      .select(agentFeature.selectAgentState)
      .pipe(
        filter(({ status, user }) => user !== null || status === 'signedOut' || status === 'failed'),
        take(1),
        map(({ user }) => (!user || user.role === role ? true : router.parseUrl(WORKSPACE_PATHS[user.role]))),
      );
  };
}
