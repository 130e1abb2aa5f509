import { Form } from "@remix-run/react";
import { Link } from "~/components/link";
import { anyLabels, filterLabels, filtersKey, productionChoices, type ActiveFilter } from "~/modules/archive/filters";
import type { ArchiveFilters } from "~/modules/archive/search.server";
import { ArchiveSearchBox } from "./archive-combobox";

type Props = {
  filters: ArchiveFilters;
  closedEvents: { slug: string; title: string }[];
  /** What the outcome and root-cause filters offer, with their words (from the loader). */
  choices: Record<"outcome" | "rootCause", { value: string; label: string }[]>;
  /** The filters that are on, as chips, and the link that removes them all (from the loader). */
  active: ActiveFilter[];
  clearFiltersHref: string;
  years: number[];
  tags: string[];
  /** Whether results are shown (words or a filter), so "Clear the search" has something to clear. */
  searching: boolean;
};

/**
 * The archive's search form. Its controls always show the search in the URL: they are created again
 * whenever the words or the filters change, so a new search keeps the filters that are on. Active filters
 * show as chips that remove them one by one. On a phone the filters fold behind a "Filters (n)" toggle
 * (a native <details>, so it works without JavaScript); from the sm breakpoint they are always shown.
 */
export function ArchiveSearch({ filters, closedEvents, choices, active, clearFiltersHref, years, tags, searching }: Props) {
  return (
    <Form method="get" role="search" aria-label="Search the archive" className="card space-y-3">
      <div>
        <label htmlFor="q" className="label">
          Search entries and post-mortems
        </label>
        <ArchiveSearchBox key={filters.q} defaultValue={filters.q} describedBy="q-hint" />
        <p id="q-hint" className="hint mt-1">
          All words must appear. Use "quotes" for a phrase, invoic* for words that start alike, -word (or NOT word) to leave a word out, and OR between
          alternatives. Suggestions appear as you type: arrow keys to choose, Enter to search.
        </p>
      </div>

      {/* Closed on a phone; from sm up the content is shown whatever the toggle says and the toggle is hidden,
          where the browser can style a <details>' content (elsewhere the toggle stays and works). */}
      <details key={filtersKey(filters)} className="sm:[&::details-content]:[content-visibility:visible]">
        <summary className="btn-secondary cursor-pointer supports-[selector(::details-content)]:sm:hidden">
          {active.length > 0 ? `Filters (${active.length})` : "Filters"}
        </summary>
        <div className="mt-3 grid gap-3 sm:mt-0 sm:grid-cols-2 lg:grid-cols-3">
          <FilterSelect name="outcome" value={filters.outcome} options={choices.outcome} />
          <FilterSelect name="rootCause" value={filters.rootCause} options={choices.rootCause} />
          <FilterSelect name="event" value={filters.event} options={closedEvents.map((e) => ({ value: e.slug, label: e.title }))} />
          <div>
            <label htmlFor="tag" className="label">
              {filterLabels.tag}
            </label>
            <input id="tag" name="tag" list="archive-tags" defaultValue={filters.tag ?? ""} maxLength={30} className="input mt-1" />
            <datalist id="archive-tags">
              {tags.map((t) => (
                <option key={t} value={t} />
              ))}
            </datalist>
          </div>
          <FilterSelect name="year" value={filters.year} options={years.map((y) => ({ value: String(y), label: String(y) }))} />
          <FilterSelect name="production" value={filters.production} options={productionChoices} describedBy="production-hint" />
        </div>
        <p id="production-hint" className="hint mt-2">
          “{filterLabels.production}” reads what each team said last in its follow-up, recorded after its event closed.
        </p>
      </details>

      {active.length > 0 ? (
        <div className="flex flex-wrap items-center gap-2">
          <p id="active-filters-label" className="text-sm text-slate-700">
            Filtered by
          </p>
          <ul aria-labelledby="active-filters-label" className="flex flex-wrap gap-2">
            {active.map((f) => (
              <li key={f.key}>
                <Link
                  to={f.removeHref}
                  className="inline-flex items-center gap-1 rounded-full border border-brand-100 bg-brand-50 px-3 py-1 text-sm text-brand-900 no-underline hover:bg-brand-100"
                >
                  {/* Named by its text, not aria-label, so getByLabel("Outcome") still finds only the select. */}
                  <span className="sr-only">Remove filter </span>
                  {f.text}
                  <span aria-hidden="true" className="text-base leading-none">
                    ×
                  </span>
                </Link>
              </li>
            ))}
          </ul>
          <Link to={clearFiltersHref} className="text-sm">
            Clear filters
          </Link>
        </div>
      ) : null}

      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="btn-primary">
          Search
        </button>
        {searching ? (
          <Link to="/archive" className="text-sm">
            Clear the search
          </Link>
        ) : null}
      </div>
    </Form>
  );
}

/**
 * One labelled filter select, "Any …" first; its value comes from the URL. A value the choices lack (a year with no
 * past event, an event no longer in the archive) is offered as it is, so the select says what the filter's chip says
 * and a new search keeps it until it is removed.
 */
function FilterSelect({
  name,
  value,
  options,
  describedBy,
}: {
  name: "outcome" | "rootCause" | "event" | "year" | "production";
  describedBy?: string;
  value: string | number | true | null | undefined;
  options: { value: string; label: string }[];
}) {
  return (
    <div>
      <label htmlFor={name} className="label">
        {filterLabels[name]}
      </label>
      <select
        id={name}
        name={name}
        defaultValue={value === null || value === undefined ? "" : String(value)}
        aria-describedby={describedBy}
        className="input mt-1"
      >
        <option value="">{anyLabels[name]}</option>
        {(value === null || value === undefined || options.some((o) => o.value === String(value))
          ? options
          : [...options, { value: String(value), label: String(value) }]
        ).map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
