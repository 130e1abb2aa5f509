import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useNavigation } from "@remix-run/react";
import { ArchiveOverview } from "~/components/archive-overview";
import { ArchiveResults } from "~/components/archive-results";
import { ArchiveSearch } from "~/components/archive-search";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { archiveTitle } from "~/modules/archive/filters";
import { archivePage } from "~/modules/archive/home.server";
import { filtersFromUrl } from "~/modules/archive/search.server";
import { requireUser } from "~/modules/auth/guards.server";
import { pageTitle } from "~/lib/page-title";

// A search's title names its words (and page), so the tabs and the history of several searches tell them apart.
export const meta: MetaFunction<typeof loader> = ({ data, error }) => pageTitle(error, () => archiveTitle(data?.filters, Boolean(data?.result)));

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return archivePage(filtersFromUrl(new URL(request.url).searchParams));
}

export default function Archive() {
  const { filters, facets, choices, overview, tags, result, active, clearFiltersHref } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const busy = navigation.state === "loading" && navigation.location.pathname === "/archive";
  return (
    <div className="space-y-6">
      <div>
        <h1 className="h1">Archive of learnings</h1>
        <p className="mt-1 text-slate-700">Every entry of past events, working or failed, with what the team learned. Search before you build.</p>
      </div>

      <ArchiveSearch
        filters={filters}
        closedEvents={facets.closedEvents}
        choices={choices}
        active={active}
        clearFiltersHref={clearFiltersHref}
        years={facets.years}
        tags={tags}
        searching={result !== null}
      />

      {result ? <ArchiveResults filters={filters} result={result} busy={busy} /> : overview ? <ArchiveOverview overview={overview} /> : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
