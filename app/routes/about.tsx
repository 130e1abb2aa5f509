import type { MetaFunction } from "@remix-run/node";
import { Link } from "~/components/link";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { pageTitle } from "~/lib/page-title";

export const meta: MetaFunction = ({ error }) => pageTitle(error, () => "How it works");

const principles = [
  ["Start from a business problem", "Every project names who has the problem, what it costs today and what data exists — not “let's build a chatbot”."],
  ["Declare an AI metric", "How would we know it helped? A baseline, a target, and the measured result."],
  ["Failed attempts count", "A failure whose post-mortem explains why (missing context in the data, say) is a full entry and a valuable result."],
  ["Judge problem fit", "Judges reward solving a named problem, an interface that fits the job, and leaving users knobs and levers."],
  ["Keep the learnings", "The archive lets the next team see what was tried, what failed and why, before they build."],
] as const;

/** A static page: also the "bare" page the benchmark compares others against (root layout, no data). */
export default function About() {
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="h1">How Problem First works</h1>
      <ol className="space-y-4">
        {principles.map(([title, text], i) => (
          <li key={title} className="card">
            <h2 className="h2">
              {i + 1}. {title}
            </h2>
            <p className="mt-1 text-slate-700">{text}</p>
          </li>
        ))}
      </ol>
      <p>
        <Link to="/">See the events</Link> or <Link to="/archive">search the archive</Link>.
      </p>
      {/* The licenses are a file the build writes (vite.config.ts), not a route: a plain link. */}
      <p className="text-sm text-slate-600">
        Problem First is built on open-source software. Read the <a href="/third-party-licenses.txt">open-source licenses</a> of the libraries its pages load.
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
