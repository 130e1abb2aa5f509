import { getFormProps, useForm } from "~/lib/form";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, type ShouldRevalidateFunction } from "@remix-run/react";
import { Link } from "~/components/link";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, FormErrors, TextareaField } from "~/components/forms";
import { parseForm } from "~/lib/forms.server";
import { enforce } from "~/lib/http.server";
import { lazySchemas } from "~/lib/lazy-schemas";
import { formatInZone } from "~/lib/time";
import { redirectWithToast } from "~/lib/toast.server";
import { appOrigin } from "~/lib/urls.server";
import { canManageEvent, canStartFinalRound, canViewFinalRound } from "~/modules/auth/permissions";
import { requireEventAccess } from "~/modules/events/access.server";
import { judgingGaps, judgingSheets } from "~/modules/events/dashboard.server";
import { listJudges } from "~/modules/events/events.server";
import { asRound, decisionWords, finalRoundBlockers, liveDemoRubric, requestedTop, roundOneGapsNote, topFinalists } from "~/modules/judging/rounds";
import { startFinalRoundSchema } from "~/modules/judging/schemas";
import { listShortlist, roundOneRanking, startFinalRound } from "~/modules/judging/rounds.server";
import { pageTitle } from "~/lib/page-title";

const check = lazySchemas(() => import("~/modules/judging/schemas"));

export const meta: MetaFunction<typeof loader> = ({ data, error }) => pageTitle(error, () => `Final round of ${data?.event.title ?? "event"}`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, event, access } = await requireEventAccess(request, params.slug);
  enforce(canViewFinalRound(user, access));
  const round = asRound(event.judgingRound);
  const canStart = canStartFinalRound(user, access, { round }).ok;
  const [ranking, judges, shortlist, finalJudges, gaps] = await Promise.all([
    canStart ? roundOneRanking(event) : Promise.resolve([]),
    canStart ? listJudges(event.id) : Promise.resolve([]),
    listShortlist(event.id),
    listJudges(event.id, 2),
    canStart && event.phase === "judging" && round === 1 ? judgingSheets(event).then(judgingGaps) : Promise.resolve(null),
  ]);
  const top = requestedTop(new URL(request.url).searchParams.get("top"), ranking.length);
  return {
    event: { slug: event.slug, title: event.title, phase: event.phase },
    round,
    canStart,
    blockers: canStart ? finalRoundBlockers({ phase: event.phase, round, submittedEntries: ranking.length }) : [],
    top,
    suggested: topFinalists(ranking, top),
    // Round 1's missing sheets, said before it closes for good.
    roundOneGaps: gaps && roundOneGapsNote(gaps) ? { note: roundOneGapsNote(gaps)!, entries: gaps.entryLines } : null,
    ranking: ranking.map((r) => ({ ...r, score: r.score === null ? null : r.score.toFixed(1) })),
    judges,
    shortlist: shortlist.map((s) => ({ ...s, at: formatInZone(s.at, event.timezone) })),
    finalJudges,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireEventAccess(request, params.slug);
  const { user, event, access } = ctx;
  const starting = canStartFinalRound(user, access, { round: asRound(event.judgingRound) });
  if (!starting.ok && canManageEvent(user, access).ok) return outOfDate(ctx);
  enforce(starting);
  const submission = parseForm(await request.formData(), { schema: startFinalRoundSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const started = await startFinalRound(event, user.id, submission.value, new Date(), appOrigin(request));
  // The batch found the event changed after the check above (the round started, or the event left judging): read again.
  if (!started.ok && "startedMeanwhile" in started) return outOfDate(await requireEventAccess(request, params.slug));
  // A ranking moved since the page was read answers 409, which reads the page again (shouldRevalidate below).
  if (!started.ok)
    return data(
      { result: submission.reply({ fieldErrors: { [started.field]: [started.message] } }) },
      { status: "stale" in started && started.stale ? 409 : 400 },
    );
  return redirectWithToast(
    `/events/${event.slug}/final-round`,
    `Round 1 is closed. The final round has started with ${started.finalists} finalist${started.finalists === 1 ? "" : "s"} and ${started.judges} judge${started.judges === 1 ? "" : "s"}.`,
  );
}

/**
 * An organizer's page out of date (a co-organizer started the round or published the results, a second press arrived,
 * the event moved back out of judging): said, as the event is now, on this page, which shows the final round as it is,
 * or on its Manage page, where its phase is, rather than as an error page.
 */
function outOfDate({ user, event, access }: Awaited<ReturnType<typeof requireEventAccess>>) {
  const now = canStartFinalRound(user, access, { round: asRound(event.judgingRound) });
  return redirectWithToast(`/events/${event.slug}/${canViewFinalRound(user, access).ok ? "final-round" : "manage"}`, {
    kind: "error",
    message: now.ok ? "The event changed while this page was open. Check it and start again." : now.reason,
  });
}

// The ranking moved since the page was read (409): the page is read again, as without JavaScript, so the ranking and
// its suggestion are the ones the refusal speaks of; the organizer's ticks stay as sent. Other 4xx answers read
// nothing again, as Remix does without this function (with single fetch, Remix passes `defaultShouldRevalidate: true`).
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus }) => actionStatus === undefined || actionStatus < 400 || actionStatus === 409;

export default function FinalRound() {
  const { event, round, canStart, top } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <p className="text-sm text-slate-600">
        <Link to={`/events/${event.slug}/manage#phase`}>← Manage {event.title}</Link>
      </p>
      <h1 className="h1">Final round</h1>
      {/* A new N starts the form again from its suggestion: ticked boxes follow the loader, not the last page. */}
      {canStart ? (
        <StartForm key={top} />
      ) : round === 2 ? (
        <Shortlist />
      ) : (
        <p className="text-slate-700">This event had no final round: round 1 decided its results.</p>
      )}
    </div>
  );
}

function StartForm() {
  const { event, blockers, top, suggested, ranking, judges, roundOneGaps } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    id: "start-final-round",
    lastResult: actionData?.result,
    defaultValue: { top: String(top), finalists: suggested, rubric: "same" },
    onValidate: ({ formData }) => check(formData, (s) => s.startFinalRoundSchema),
    shouldValidate: "onSubmit",
  });
  // As sent when a post was refused (no JavaScript), else the suggestion.
  const sent = fields.finalists.initialValue;
  const picked = new Set(Array.isArray(sent) ? sent.map(String) : typeof sent === "string" ? [sent] : suggested);
  // The round 1 judges ticked to go on, as sent (none before the first post): a start that is refused and then confirmed
  // without them would close round 1 for good without its judges.
  const sentJudges = fields.judges.initialValue;
  const pickedJudges = new Set(Array.isArray(sentJudges) ? sentJudges.map(String) : typeof sentJudges === "string" ? [sentJudges] : []);
  if (blockers.length)
    return (
      <ul className="list-disc pl-5 text-slate-700">
        {blockers.map((b) => (
          <li key={b}>{b}</li>
        ))}
      </ul>
    );
  return (
    <>
      <p className="text-slate-700">
        An optional second round: shortlist finalists from round 1&rsquo;s official ranking, pick the judges who score them (they may differ from round
        1&rsquo;s) and the rubric. The final round&rsquo;s ranking becomes the official one; round 1&rsquo;s stays visible to organizers.
      </p>
      <Form method="get" className="card flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="top" className="label">
            How many finalists
          </label>
          <input id="top" name="top" type="number" min={1} max={ranking.length} defaultValue={top} className="input mt-1 w-24" />
        </div>
        <button type="submit" className="btn-secondary">
          Suggest finalists
        </button>
      </Form>
      <Form method="post" {...getFormProps(form)} className="card space-y-5">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name={fields.top.name} value={top} />
        <input type="hidden" name={fields.suggested.name} value={suggested.join(",")} />
        <fieldset className="space-y-2" aria-describedby={fields.finalists.errors ? fields.finalists.errorId : undefined}>
          <legend className="h2">Finalists</legend>
          <p className="hint">
            Ticked: the top {top} of round 1&rsquo;s official ranking (entries tied at the cut are all in). Add or remove entries by hand if you must, and say
            why below: it is recorded with your name.
          </p>
          <ul className="space-y-1">
            {ranking.map((r) => (
              <li key={r.entryId}>
                <label className="flex items-start gap-2 text-sm">
                  <input type="checkbox" name={fields.finalists.name} value={r.entryId} defaultChecked={picked.has(r.entryId)} className="mt-1" />
                  <span>
                    <span className="font-semibold">{r.title}</span> ({r.teamName}) · {r.rank === null ? "not ranked" : `rank ${r.rank}`}
                    {r.score === null ? "" : `, score ${r.score}`}
                  </span>
                </label>
              </li>
            ))}
          </ul>
          <ErrorList id={fields.finalists.errorId} errors={fields.finalists.errors} />
        </fieldset>
        <TextareaField
          label="Why the shortlist differs from the top of the ranking"
          meta={fields.reason}
          rows={2}
          hint="Needed only when you add or remove an entry by hand."
        />
        <fieldset className="space-y-2" aria-describedby={fields.judges.errors ? fields.judges.errorId : undefined}>
          <legend className="h2">Final round judges</legend>
          <p className="hint">Every final round judge scores every finalist. Tick round 1&rsquo;s judges who go on, and add anyone else by email.</p>
          <ul className="space-y-1">
            {judges.map((j) => (
              <li key={j.id}>
                <label className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name={fields.judges.name} value={j.id} defaultChecked={pickedJudges.has(j.id)} />
                  {j.name} ({j.email})
                </label>
              </li>
            ))}
          </ul>
          <ErrorList id={fields.judges.errorId} errors={fields.judges.errors} />
          <TextareaField
            label="Other judges (emails, one a line)"
            meta={fields.judgeEmails}
            rows={2}
            hint="People with an account here; they need not have judged round 1."
          />
        </fieldset>
        <fieldset className="space-y-2">
          <legend className="h2">Final round rubric</legend>
          <label className="flex items-start gap-2 text-sm">
            {/* A refused post (no JavaScript) comes back with the choice as it was sent. */}
            <input type="radio" name={fields.rubric.name} value="same" defaultChecked={fields.rubric.initialValue !== "live-demo"} className="mt-1" />
            <span>The same rubric as round 1</span>
          </label>
          <label className="flex items-start gap-2 text-sm">
            <input type="radio" name={fields.rubric.name} value="live-demo" defaultChecked={fields.rubric.initialValue === "live-demo"} className="mt-1" />
            <span>A live demo rubric: {liveDemoRubric.map((c) => `${c.name} (weight ${c.weight})`).join(", ")}</span>
          </label>
          <p className="hint">You can change the final round&rsquo;s rubric on the Rubric page until its first score.</p>
          <ErrorList id={fields.rubric.errorId} errors={fields.rubric.errors} />
        </fieldset>
        {roundOneGaps ? (
          <div role="note" className="space-y-2 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm">
            <p>{roundOneGaps.note}</p>
            <details>
              <summary className="cursor-pointer">Entries with missing or incomplete score sheets ({roundOneGaps.entries.length})</summary>
              <ul className="mt-1 list-disc pl-5">
                {roundOneGaps.entries.map((line, i) => (
                  <li key={`${i}-${line}`}>{line}</li>
                ))}
              </ul>
            </details>
          </div>
        ) : null}
        <div>
          <label className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              name={fields.confirmed.name}
              id={fields.confirmed.id}
              className="mt-1"
              aria-describedby={fields.confirmed.errors ? fields.confirmed.errorId : undefined}
            />
            <span>I understand: round 1 closes for good, its scores become read-only, and only the finalists are scored from now on.</span>
          </label>
          <ErrorList id={fields.confirmed.errorId} errors={fields.confirmed.errors} />
        </div>
        <ErrorList id={fields.top.errorId} errors={fields.top.errors} />
        {/* One start per press: a second press while the first is on its way finds the round started. */}
        <button type="submit" className="btn-primary" disabled={busy}>
          Close round 1 and start the final round
        </button>
      </Form>
      <p className="text-sm text-slate-700">
        <Link to={`/events/${event.slug}/results`}>See round 1&rsquo;s full results</Link>
      </p>
    </>
  );
}

function Shortlist() {
  const { event, shortlist, finalJudges } = useLoaderData<typeof loader>();
  const finalists = shortlist.filter((s) => s.decision !== "removed");
  const changes = shortlist.filter((s) => s.decision !== "top");
  return (
    <>
      <p className="text-slate-700">
        Round 1 is closed. {event.phase === "closed" ? "The final round decided the published results." : "The final round's judges are scoring the finalists."}
      </p>
      <section aria-labelledby="finalists-h" className="card space-y-2">
        <h2 id="finalists-h" className="h2">
          Finalists
        </h2>
        <ul className="list-disc pl-5 text-sm">
          {finalists.map((f) => (
            <li key={f.entryId}>
              <Link to={`/events/${event.slug}/entries/${f.entryId}`}>{f.title}</Link>: {decisionWords[f.decision]}
            </li>
          ))}
        </ul>
      </section>
      {changes.length ? (
        <section aria-labelledby="changes-h" className="card space-y-2">
          <h2 id="changes-h" className="h2">
            Changes by hand
          </h2>
          <ul className="space-y-1 text-sm">
            {changes.map((c) => (
              <li key={c.entryId}>
                <span className="font-semibold">{c.title}</span>: {decisionWords[c.decision].toLowerCase()} by {c.by ?? "a former account"} on {c.at}. Reason:{" "}
                {c.reason}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="final-judges-h" className="card space-y-2">
        <h2 id="final-judges-h" className="h2">
          Final round judges
        </h2>
        <ul className="list-disc pl-5 text-sm">
          {finalJudges.map((j) => (
            <li key={j.id}>{j.name}</li>
          ))}
        </ul>
        {event.phase === "judging" ? (
          <p className="text-sm">
            <Link to={`/events/${event.slug}/judges`}>Add or invite final round judges</Link>
          </p>
        ) : null}
      </section>
      <p className="text-sm">
        <Link to={`/events/${event.slug}/results`}>Results of both rounds</Link> · <Link to={`/events/${event.slug}/rubric`}>Final round rubric</Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
