/**
 * A one-line name as it reads: one space between words. "Invoice   Hunters" and "Invoice Hunters" read the same, so
 * they must be the same name (for a unique index, a CSV, a list). For zod's `.overwrite()` after `.trim()`.
 */
export const oneSpaceBetweenWords = (value: string) => value.replace(/\s+/g, " ");
