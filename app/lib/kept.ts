// What a refused form held, as lines to copy, for when the page read again cannot show that form any more: without
// JavaScript a refused form's page is read again, and the change that refused it (results published, the rubric
// locked, the event reopened) may have taken the form off the page (ADR 060). Each module words its own form's lines.

/** A posted field as typed, trimmed; anything but text (a missing field, a list) is "". */
export function typedText(value: unknown): string {
  return typeof value === "string" ? value.trim() : "";
}

/** A posted list of rows (`rows[0].name`, …), each row an object; anything else is no rows. */
export function typedRows(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.map((row: unknown) => (row && typeof row === "object" ? (row as Record<string, unknown>) : {})) : [];
}

/** A form's fields given, as "Label: value" lines in the labels' order (a label's "(optional)" left out). */
export function fieldsAsText(payload: Record<string, unknown>, labels: Readonly<Record<string, string>>): string[] {
  return Object.entries(labels).flatMap(([field, label]) => {
    const value = typedText(payload[field]);
    return value ? [`${label.replace(" (optional)", "")}: ${value}`] : [];
  });
}
