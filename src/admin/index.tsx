import { BACKLINK_STATUSES } from '../core/schemas';

export const adminStatuses = BACKLINK_STATUSES;
