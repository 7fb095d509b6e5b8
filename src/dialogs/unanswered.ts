/** Questions the guidebook did not answer, counted (masked) for the staff page: the most asked are kept. */
export const UNANSWERED_TABLE = 'unanswered';
export const DEFAULT_MAX_UNANSWERED = 2_000;
