import { createActionGroup, emptyProps } from '@ngrx/store';

/** The notice a tab shows while another tab of the agent's holds the softphone. */
export const SoftphoneNoticeActions = createActionGroup({
  source: 'Softphone Notice',
  events: {
    'Use Here Clicked': emptyProps(),
    /** The agent agreed that the other tab's live calls end. */
    'End It And Use Here Clicked': emptyProps(),
    'Cancel Clicked': emptyProps(),
  },
});
