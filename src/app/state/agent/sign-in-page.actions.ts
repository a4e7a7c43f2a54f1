import { createActionGroup, emptyProps } from '@ngrx/store';

export const SignInPageActions = createActionGroup({
  source: 'Sign-in Page',
  events: {
    'Sign In Clicked': emptyProps(),
  },
});
