// Pure helpers for the archive's search state, which lives entirely in the URL: links that change it,
// the active filters as people read them, and a key that changes whenever the filters do.
import { outcomeLabels, rootCauseLabels } from "~/modules/entries/labels";
import { NOT_IN_PRODUCTION, WENT_TO_PRODUCTION } from "~/modules/follow-ups/words";
import type { ArchiveFilters } from "./search.server";

/** Every filter beside the words, in the order the form shows them. */
// "production": what the entry's latest follow-up says, adopted in production or not (ADR 030).
const filterKeys = ["outcome", "rootCause", "event", "tag", "year", "production"] as const;
type FilterKey = (typeof filterKeys)[number];

/** The one place that names the filters: the form's labels and the chips both read it. */
export const filterLabels: Record<FilterKey, string> = {
  outcome: "Outcome",
  rootCause: "Root cause",
  event: "Event",
  tag: "Tag",
  year: "Year",
  production: "After the event",
};

/** The empty choice of each select. */
export const anyLabels: Record<Exclude<FilterKey, "tag">, string> = {
  outcome: "Any outcome",
  rootCause: "Any root cause",
  event: "Any event",
  year: "Any year",
  production: "Anything, with or without a follow-up",
};

/** The choices of the "After the event" filter, by their value in the URL. */
export const productionChoices = [
  { value: "true", label: WENT_TO_PRODUCTION },
  { value: "no", label: NOT_IN_PRODUCTION },
];

const noFilters: Required<Pick<ArchiveFilters, FilterKey>> = { outcome: null, rootCause: null, event: null, tag: null, year: null, production: null };

/** Whether the URL asks for results (words or any filter); without either it is the archive's home. */
export function isSearching(filters: ArchiveFilters): boolean {
  return Boolean(filters.q) || filterKeys.some((key) => Boolean(filters[key]));
}

/** A link to the same search with some parameters changed; page 1 is left out, as are empty values. */
export function searchHref(filters: ArchiveFilters, change: Partial<ArchiveFilters>): string {
  const next = { ...filters, ...change };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(next)) {
    if (value === null || value === undefined || value === "" || (key === "page" && value === 1)) continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `/archive?${qs}` : "/archive";
}

export type ActiveFilter = {
  key: FilterKey;
  /** "Outcome: Failed attempt", as the chip shows it. */
  text: string;
  /** The same search without this filter, from its first page. */
  removeHref: string;
};

/**
 * The filters the results are narrowed by, in the form's order. `eventTitles` maps an event's slug to its
 * title; a slug that is not there (an event no longer in the archive) shows as it is.
 */
export function activeFilters(filters: ArchiveFilters, eventTitles: ReadonlyMap<string, string>): ActiveFilter[] {
  const shown: ActiveFilter[] = [];
  for (const key of filterKeys) {
    const value = filters[key];
    if (value === null || value === undefined || value === "") continue;
    // What happened after the event reads as its choice alone: "Went to production".
    const text = key === "production" ? valueLabel(key, value, eventTitles) : `${filterLabels[key]}: ${valueLabel(key, value, eventTitles)}`;
    shown.push({ key, text, removeHref: searchHref(filters, { [key]: null, page: 1 }) });
  }
  return shown;
}

function valueLabel(key: FilterKey, value: string | number | true, eventTitles: ReadonlyMap<string, string>): string {
  switch (key) {
    case "outcome":
      return outcomeLabels[value as keyof typeof outcomeLabels] ?? String(value);
    case "rootCause":
      return rootCauseLabels[value as keyof typeof rootCauseLabels] ?? String(value);
    case "event":
      return eventTitles.get(String(value)) ?? String(value);
    case "production":
      return productionChoices.find((c) => c.value === String(value))?.label ?? String(value);
    default:
      return String(value);
  }
}

/** The same words without any filter: the archive's home when there are no words. */
export function clearFiltersHref(filters: ArchiveFilters): string {
  return searchHref(filters, { ...noFilters, page: 1 });
}

/**
 * Changes whenever the applied filters do. Keyed on it, the form's controls are created again from the
 * URL after every navigation, client-side ones included, instead of keeping what they showed before.
 */
export function filtersKey(filters: ArchiveFilters): string {
  return filterKeys.map((key) => `${key}=${filters[key] ?? ""}`).join("&");
}

/**
 * The archive page's title before " · Problem First": the words searched for (the first 60 characters), or that
 * filters are on, and the page when past the first; plain "Archive" for its home.
 */
export function archiveTitle(filters: ArchiveFilters | undefined, searched: boolean): string {
  if (!filters || !searched) return "Archive";
  const words = filters.q.length > 60 ? `${filters.q.slice(0, 60).trimEnd()}…` : filters.q;
  const what = words ? `“${words}”` : "Filtered learnings";
  return `${what}${filters.page > 1 ? ` · page ${filters.page}` : ""} · Archive`;
}
