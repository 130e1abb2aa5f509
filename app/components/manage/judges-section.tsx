import { getFormProps, useForm, type SubmissionResult } from "~/lib/form";
import { Form } from "@remix-run/react";
import { Link } from "~/components/link";
import { ConfirmStep, useSending } from "~/components/confirm-step";
import { Field } from "~/components/forms";
import { lazySchemas } from "~/lib/lazy-schemas";
import { judgeOfWords, type JudgingRound } from "~/modules/judging/rounds";
import { ManageSection } from "./on-this-page";

const check = lazySchemas(() => import("~/modules/events/schemas"));

type Person = { id: string; name: string; email: string };
export type InviteLine = { id: string; createdBy: string; createdAt: string; expiresAt: string; state: "active" | "expired" | "revoked" };
type RemovalFacts = { userId: string; name: string; round: JudgingRound; startedSheets: number; assignedEntries: number };

/**
 * The event's judges and the invite links that make more of them, in one place; links are created and revoked on the
 * judges page. Once the final round started, its judges: those added now join it, those removed leave it (ADR 038).
 */
export function JudgesSection({
  slug,
  judgesPerEntry,
  round,
  judges,
  canRemove,
  ended,
  invites,
  lastResult,
  confirmRemove,
}: {
  slug: string;
  judgesPerEntry: number | null;
  round: JudgingRound;
  judges: Person[];
  canRemove: boolean;
  /** Why no judge can be added now (results are published), or null. */
  ended: string | null;
  invites: InviteLine[];
  lastResult?: SubmissionResult<string[]>;
  confirmRemove: RemovalFacts | null;
}) {
  const adding = useSending({ intent: "add-judge" });
  const [form, fields] = useForm({
    id: "add-judge",
    lastResult,
    onValidate: ({ formData }) => check(formData, (s) => s.addJudgeSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const active = invites.filter((i) => i.state === "active");
  return (
    <ManageSection id="judges" title={`${round === 2 ? "Final round judges" : "Judges"} (${judges.length})`}>
      <p className="mt-1 text-sm text-slate-600">
        {round === 2
          ? "Every final round judge scores every finalist; judges added now join the final round. Round 1's judges and assignments stay as they were."
          : judgesPerEntry === null
            ? "Every judge scores every submitted entry, except entries they declared a conflict with."
            : `Each submitted entry gets ${judgesPerEntry} ${judgesPerEntry === 1 ? "judge" : "judges"}, assigned automatically.`}{" "}
        <Link to={`/events/${slug}/judges`}>Invite links and assignments</Link>
      </p>
      <p className="mt-1 text-sm">
        <Link to={`/events/${slug}/judging-settings?from=manage`}>Judging settings</Link> (blind judging, normalized ranking, judge names) ·{" "}
        <Link to={`/events/${slug}/awards?from=manage`}>Awards</Link>
      </p>
      <ul className="mt-3 space-y-2 text-sm">
        {judges.map((j) => (
          <li key={j.id} className="flex flex-wrap items-center justify-between gap-2">
            <span className="[overflow-wrap:anywhere]">
              {j.name} ({j.email})
            </span>
            {canRemove ? (
              <Form method="post">
                <input type="hidden" name="intent" value="remove-judge" />
                <input type="hidden" name="userId" value={j.id} />
                <button
                  type="submit"
                  className="btn-danger px-2 py-1 text-xs"
                  aria-label={round === 2 ? `Remove ${j.name} from the final round` : `Remove ${j.name} as judge`}
                >
                  Remove
                </button>
              </Form>
            ) : null}
            {canRemove && confirmRemove?.userId === j.id ? <ConfirmRemoveJudge facts={confirmRemove} /> : null}
          </li>
        ))}
      </ul>
      {ended ? (
        <p className="mt-4 text-sm text-slate-700">{ended}</p>
      ) : (
        <>
          <Form method="post" {...getFormProps(form)} className="mt-4 flex flex-wrap items-end gap-3">
            <input type="hidden" name="intent" value="add-judge" />
            <Field
              label={round === 2 ? "Add a final round judge by email" : "Add a judge by email"}
              meta={fields.email}
              type="email"
              className="min-w-0 flex-1 sm:min-w-64"
            />
            <button type="submit" className="btn-secondary" disabled={adding}>
              Add judge
            </button>
          </Form>
          <h3 id="judge-invites-h" className="mt-6 text-sm font-semibold">
            Invite links ({active.length} working)
          </h3>
          {active.length ? (
            <ul aria-labelledby="judge-invites-h" className="mt-1 space-y-1 text-sm">
              {active.map((i) => (
                <li key={i.id}>
                  Created {i.createdAt} by {i.createdBy}, valid until {i.expiresAt}
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-1 text-sm text-slate-600">No working invite link. Anyone signed in who opens one becomes a judge of {judgeOfWords[round]}.</p>
          )}
          <p className="mt-1 text-sm">
            <Link to={`/events/${slug}/judges#invites`}>Create or revoke invite links</Link>
          </p>
        </>
      )}
    </ManageSection>
  );
}

function ConfirmRemoveJudge({ facts }: { facts: RemovalFacts }) {
  const sheets = `${facts.startedSheets}${facts.round === 2 ? " final round" : ""} score ${facts.startedSheets === 1 ? "sheet" : "sheets"}`;
  const entries = facts.assignedEntries === 1 ? "1 assigned entry goes" : `${facts.assignedEntries} assigned entries go`;
  return (
    <ConfirmStep
      className="basis-full"
      question={
        <>
          {facts.round === 2
            ? `Remove ${facts.name} as a final round judge? They lose the final round's queue; round 1's judges stay as they were.`
            : `Remove ${facts.name} as judge? They lose this event's judging queue.`}{" "}
          {facts.startedSheets
            ? `The ${sheets} they started ${facts.startedSheets === 1 ? "stays and still counts" : "stay and still count"}.`
            : `They have not scored anything${facts.round === 2 ? " in the final round" : ""} yet.`}
          {facts.assignedEntries ? ` Their ${entries} to the other judges where possible.` : ""}
        </>
      }
      fields={{ intent: "remove-judge", userId: facts.userId, round: String(facts.round) }}
      confirmLabel={`Remove ${facts.name} for good`}
      keepLabel={`Keep ${facts.name}`}
    />
  );
}
