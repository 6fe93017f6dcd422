import { PLACEMENTS } from '../core/schemas';

export const editorPlacements = PLACEMENTS;
