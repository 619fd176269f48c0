/** What pages need of the minutes' choices (routes do not import schema files). */
export { ACTION_ITEM_STATES, ATTENDANCE_STATES } from './schema';
export type { ActionItemState } from './schema';
