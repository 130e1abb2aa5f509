import { Form, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link";
import { ConfirmStep, isSending } from "~/components/confirm-step";
import { ManageSection } from "./on-this-page";

type Problem = { id: string; title: string; teamCount: number; retired: boolean };
type RetireFacts = { problemId: string; title: string; teamCount: number };

/** The event's business problems: order, edit, retire (after a confirm step) and offer again. */
export function ProblemsSection({
  slug,
  problems,
  canEdit,
  confirmRetire,
}: {
  slug: string;
  problems: Problem[];
  canEdit: boolean;
  confirmRetire: RetireFacts | null;
}) {
  return (
    <ManageSection
      id="problems"
      title={`Business problems (${problems.length})`}
      actions={
        canEdit ? (
          <span className="flex flex-wrap gap-2">
            <Link to={`/events/${slug}/problems/new`} className="btn-secondary">
              Add a problem
            </Link>
            <Link to={`/events/${slug}/problems/copy`} className="btn-secondary">
              Copy problems from another event
            </Link>
          </span>
        ) : null
      }
    >
      {canEdit ? null : <p className="mt-1 text-sm text-slate-600">Problems can be changed only while the event is a draft or open.</p>}
      <ul className="mt-3 divide-y divide-slate-100 text-sm">
        {problems.map((p, i) => (
          <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <span>
              <Link to={`/events/${slug}/problems/${p.id}`}>{p.title}</Link> · {p.teamCount} {p.teamCount === 1 ? "team" : "teams"}
              {p.retired ? <span className="ml-2 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">Retired</span> : null}
            </span>
            {canEdit ? <ProblemActions slug={slug} problem={p} first={i === 0} last={i === problems.length - 1} /> : null}
            {canEdit && confirmRetire?.problemId === p.id && !p.retired ? <ConfirmRetireProblem facts={confirmRetire} /> : null}
          </li>
        ))}
      </ul>
    </ManageSection>
  );
}

function ProblemActions({ slug, problem: p, first, last }: { slug: string; problem: Problem; first: boolean; last: boolean }) {
  // A second press while a move is on its way would move the problem twice.
  const moving = isSending(useNavigation(), { intent: "move-problem", problemId: p.id });
  return (
    <span className="flex flex-wrap gap-1">
      {(["up", "down"] as const).map((direction) => (
        <Form method="post" key={direction}>
          <input type="hidden" name="intent" value="move-problem" />
          <input type="hidden" name="problemId" value={p.id} />
          <input type="hidden" name="direction" value={direction} />
          <button
            type="submit"
            className="btn-secondary px-2 py-1 text-xs"
            disabled={moving || (direction === "up" ? first : last)}
            aria-label={`Move ${p.title} ${direction}`}
          >
            {direction === "up" ? "↑ Up" : "↓ Down"}
          </button>
        </Form>
      ))}
      <Link to={`/events/${slug}/problems/${p.id}/edit`} className="btn-secondary px-2 py-1 text-xs" aria-label={`Edit ${p.title}`}>
        Edit
      </Link>
      <Form method="post">
        <input type="hidden" name="intent" value={p.retired ? "restore-problem" : "retire-problem"} />
        <input type="hidden" name="problemId" value={p.id} />
        <button
          type="submit"
          className={`${p.retired ? "btn-secondary" : "btn-danger"} px-2 py-1 text-xs`}
          aria-label={`${p.retired ? "Offer again" : "Retire"} ${p.title}`}
        >
          {p.retired ? "Offer again" : "Retire"}
        </button>
      </Form>
    </span>
  );
}

function ConfirmRetireProblem({ facts }: { facts: RetireFacts }) {
  const teams = facts.teamCount === 1 ? "The 1 team that picked it keeps it" : `The ${facts.teamCount} teams that picked it keep it`;
  return (
    <ConfirmStep
      className="basis-full"
      question={`Retire “${facts.title}”? New teams can no longer pick it. ${facts.teamCount ? `${teams}.` : "No team has picked it yet."} You can offer it again later.`}
      fields={{ intent: "retire-problem", problemId: facts.problemId }}
      confirmLabel={`Yes, retire ${facts.title}`}
      keepLabel={`Keep offering ${facts.title}`}
    />
  );
}
