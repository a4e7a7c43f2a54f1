import { createFeature, createReducer } from '@ngrx/store';

export const afterCallWorkFeature = createFeature({
  name: 'afterCallWork',
  reducer: createReducer<{ current: { callId: string; startedAt: number } | null }>({ current: null }),
});
