import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { OutcomeBadge } from "~/components/badges";
import { AnswerList } from "~/components/entry-answers";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, FormErrors, TextareaField } from "~/components/forms";
import { VideoPlayer } from "~/components/video-player";
import { parseForm } from "~/lib/forms.server";
import { enforce, invariantResponse } from "~/lib/http.server";
import { redirectWithToast } from "~/lib/toast.server";
import { canDeclareConflict, canScoreEntry } from "~/modules/auth/permissions";
import { getEntry } from "~/modules/entries/entries.server";
import { answeredQuestions } from "~/modules/entries/questions.server";
import { listScreenshots } from "~/modules/entries/screenshots.server";
import { rootCauseLabels } from "~/modules/entries/labels";
import { videoEmbed } from "~/modules/entries/video";
import { requireEventAccess } from "~/modules/events/access.server";
import { listCriteria } from "~/modules/events/events.server";
import { parseLevels } from "~/modules/events/rubric";
import { HIDDEN_TEAM } from "~/modules/judging/blind";
import { blindJudging } from "~/modules/judging/blind.server";
import { declareConflict, judgeEntryFacts, judgeOverallComment, judgeScores, saveSheet } from "~/modules/judging/judging.server";
import { asRound } from "~/modules/judging/rounds";
import { conflictSchema, scoreSheetSchema } from "~/modules/judging/schemas";

export const meta: MetaFunction = () => [{ title: "Score entry · Problem First" }];

async function loadEntry(request: Request, params: LoaderFunctionArgs["params"]) {
  const ctx = await requireEventAccess(request, params.slug);
  const found = await getEntry(ctx.event.id, params.entryId ?? "");
  invariantResponse(found, "Entry not found", 404);
  return { ...ctx, found };
}

async function enforceScoring(ctx: Awaited<ReturnType<typeof loadEntry>>) {
  enforce(canScoreEntry(ctx.user, ctx.access, ctx.found.entry, await judgeEntryFacts(ctx.event, ctx.found.entry.id, ctx.user.id)));
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await loadEntry(request, params);
  await enforceScoring(ctx);
  const { user, event, found, access } = ctx;
  // The sheet is the current round's: in the final round, its rubric and this judge's final-round scores (ADR 038).
  const round = asRound(event.judgingRound);
  const [rubric, mine, overall, screenshots, answers] = await Promise.all([
    listCriteria(event.id, round),
    judgeScores(found.entry.id, user.id, round),
    judgeOverallComment(found.entry.id, user.id, round),
    listScreenshots(found.entry.id),
    answeredQuestions(event.id, found.entry.id),
  ]);
  return {
    event: { slug: event.slug, title: event.title, scaleMax: event.scaleMax, round },
    entry: found.entry,
    teamName: blindJudging(user, access, event).row({ teamId: found.entry.teamId, teamName: found.teamName }).teamName,
    problemTitle: found.problemTitle,
    rubric: rubric.map((c) => ({ id: c.id, name: c.name, description: c.description, weight: c.weight, levels: parseLevels(c.levels) })),
    mine,
    overall,
    screenshots: screenshots.map((s) => ({ id: s.id, caption: s.caption })),
    answers,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await loadEntry(request, params);
  const { user, event, found, access } = ctx;
  const formData = await request.formData();
  if (formData.get("intent") === "conflict") {
    enforce(canDeclareConflict(user, access, found.entry));
    const submission = parseForm(formData, { schema: conflictSchema });
    if (submission.status !== "success") return data({ result: submission.reply(), conflict: true, summary: null }, { status: 400 });
    await declareConflict(event.id, found.entry.id, user.id, submission.value.reason);
    return redirectWithToast(`/events/${event.slug}/judging`, `Conflict declared: ${found.entry.title} left your queue, without your scores.`);
  }
  await enforceScoring(ctx);
  const rubric = await listCriteria(event.id, asRound(event.judgingRound));
  const schema = scoreSheetSchema(
    rubric.map((c) => c.id),
    event.scaleMax,
  );
  const submission = parseForm(formData, { schema });
  if (submission.status !== "success") return data({ result: submission.reply(), conflict: false, summary: null }, { status: 400 });
  // Which submit button: "Save scores" or "Save and next entry".
  const then = formData.get("then") === "next" ? "next" : "queue";
  const outcome = await saveSheet(event, found.entry, user.id, { ...submission.value, then }, new Date());
  switch (outcome.go) {
    case "entry":
      return redirectWithToast(`/events/${event.slug}/entries/${outcome.entryId}/score`, outcome.message);
    case "queue":
      return redirectWithToast(`/events/${event.slug}/judging`, outcome.message);
    case "sheet":
      return data({ result: submission.reply(), conflict: false, summary: outcome.message });
  }
}

export default function ScoreEntry() {
  const { entry } = useLoaderData<typeof loader>();
  // "Save and next entry" lands on this same route: a fresh sheet per entry, so no radio keeps the last entry's value.
  return <ScoreSheetPage key={entry.id} />;
}

function ScoreSheetPage() {
  const { event, entry, teamName, problemTitle, rubric, mine, overall, screenshots, answers } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const summary = actionData?.summary;
  const schema = scoreSheetSchema(
    rubric.map((c) => c.id),
    event.scaleMax,
  );
  const byCriterion = new Map(mine.map((s) => [s.criterionId, s]));
  const [form, fields] = useForm({
    id: `score-sheet-${entry.id}`,
    lastResult: actionData && !actionData.conflict ? actionData.result : undefined,
    defaultValue: {
      scores: rubric.map((c) => ({ criterionId: c.id, value: byCriterion.get(c.id)?.value?.toString() ?? "", comment: byCriterion.get(c.id)?.comment ?? "" })),
      overallComment: overall,
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const [conflictForm, conflictFields] = useForm({
    id: `conflict-${entry.id}`,
    lastResult: actionData?.conflict ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: conflictSchema }),
    // Tabbing past the conflict form after the sheet must not flag an empty reason.
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const levels = Array.from({ length: event.scaleMax }, (_, i) => i + 1);
  const links = [
    ["Demo", entry.demoUrl],
    ["Repository", entry.repoUrl],
    ["Video", entry.videoUrl],
  ].filter(([, url]) => url);
  const video = videoEmbed(entry.videoUrl);
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <article className="space-y-4">
        <p className="text-sm text-slate-600">
          <Link to={`/events/${event.slug}/judging`}>← Judging queue</Link>
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="h1">{entry.title}</h1>
          <OutcomeBadge outcome={entry.outcome} />
        </div>
        <p>{entry.summary}</p>
        <p className="text-sm text-slate-700">
          {teamName ?? HIDDEN_TEAM} · {problemTitle}
          {entry.tags ? ` · Tags: ${entry.tags}` : ""}
        </p>
        <div className="card space-y-2 text-sm">
          <h2 className="h2">Approach</h2>
          <p className="whitespace-pre-line">{entry.approach}</p>
          {video ? <VideoPlayer video={video} link={entry.videoUrl} title={entry.title} /> : null}
          {links.length ? (
            <ul className="flex flex-wrap gap-4">
              {links.map(([label, url]) => (
                <li key={label}>
                  <a href={url} rel="noopener noreferrer nofollow" target="_blank">
                    {label}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
          <h2 className="h2 pt-2">AI metric</h2>
          <p>
            {entry.metricName}: baseline {entry.metricBaseline || "—"} → target {entry.metricTarget || "—"} → result {entry.metricResult || "—"}{" "}
            {entry.metricUnit}
          </p>
          <h2 className="h2 pt-2">Post-mortem</h2>
          <p className="whitespace-pre-line">
            <strong>Worked:</strong> {entry.postMortemWorked}
          </p>
          <p className="whitespace-pre-line">
            <strong>Did not work:</strong> {entry.postMortemDidNotWork}
          </p>
          <p>
            <strong>Root cause:</strong> {entry.postMortemRootCause ? rootCauseLabels[entry.postMortemRootCause] : "—"} {entry.postMortemRootCauseOther}
          </p>
          <p className="whitespace-pre-line">
            <strong>Differently:</strong> {entry.postMortemDifferently}
          </p>
          <p className="whitespace-pre-line">
            <strong>Next steps:</strong> {entry.postMortemNextSteps}
          </p>
          {answers.length ? (
            <>
              <h2 className="h2 pt-2">Organizers&rsquo; questions</h2>
              <AnswerList answers={answers} />
            </>
          ) : null}
        </div>
        {screenshots.length ? (
          <ul className="grid grid-cols-2 gap-2">
            {screenshots.map((s, i) => (
              <li key={s.id}>
                <a href={`/screenshots/${s.id}`} target="_blank" rel="noreferrer">
                  <img
                    src={`/screenshots/${s.id}`}
                    alt={s.caption || `Screenshot ${i + 1} of ${entry.title}`}
                    className="w-full rounded border border-slate-200"
                    loading="lazy"
                  />
                </a>
              </li>
            ))}
          </ul>
        ) : null}
      </article>
      {/* The score sheet comes before the conflict form, in the page and in tab order: scoring is the usual job. */}
      <div className="space-y-6">
        <Form method="post" {...getFormProps(form)} className="card space-y-5">
          <h2 className="h2">
            {event.round === 2 ? "Your final round scores" : "Your scores"} (1 = poor, {event.scaleMax} = excellent)
          </h2>
          <p className="hint">
            Save any time: a partly filled sheet is kept, and you can change your scores until judging ends. Use the arrow keys to move between values.
          </p>
          <input type="hidden" name="intent" value="score" />
          {summary ? (
            <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm font-semibold text-amber-900">
              {summary}
            </p>
          ) : null}
          <FormErrors id={form.errorId} errors={form.errors} />
          <ErrorList id={fields.scores.errorId} errors={fields.scores.errors} />
          {fields.scores.getFieldList().map((item, i) => {
            const f = item.getFieldset();
            const criterion = rubric[i];
            return (
              <fieldset key={item.key} className="space-y-2 border-t border-slate-100 pt-3" aria-describedby={f.value.errors ? f.value.errorId : undefined}>
                <legend className="font-semibold">
                  {criterion.name} <span className="text-xs font-normal text-slate-600">(weight {criterion.weight})</span>
                </legend>
                <p className="text-sm text-slate-700">{criterion.description}</p>
                <input type="hidden" name={f.criterionId.name} value={criterion.id} />
                <div className={criterion.levels.length ? "grid gap-1" : "flex flex-wrap gap-2"}>
                  {levels.map((level) => {
                    const text = criterion.levels[level - 1];
                    const textId = `${f.value.id}-level-${level}`;
                    return (
                      // The label names only the value; the level text describes it, so "3" stays the radio's name.
                      <div
                        key={level}
                        className="flex items-start gap-2 rounded border border-slate-300 px-3 py-1 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
                      >
                        <label className="flex items-center gap-1 font-semibold">
                          <input
                            type="radio"
                            name={f.value.name}
                            value={level}
                            defaultChecked={f.value.initialValue === String(level)}
                            aria-describedby={text ? textId : undefined}
                          />
                          {level}
                        </label>
                        {text ? (
                          <span id={textId} className="text-slate-700">
                            {text}
                          </span>
                        ) : null}
                      </div>
                    );
                  })}
                </div>
                <ErrorList id={f.value.errorId} errors={f.value.errors} />
                <label htmlFor={f.comment.id} className="label">
                  Comment on {criterion.name} (optional)
                </label>
                <textarea {...getTextareaProps(f.comment)} rows={2} className="input" />
                <ErrorList id={f.comment.errorId} errors={f.comment.errors} />
              </fieldset>
            );
          })}
          <div className="border-t border-slate-100 pt-3">
            <TextareaField label="Overall comment for the team (optional)" meta={fields.overallComment} rows={3} />
          </div>
          <div className="flex flex-wrap gap-3">
            <button type="submit" className="btn-primary">
              Save scores
            </button>
            <button type="submit" name="then" value="next" className="btn-secondary">
              Save and next entry
            </button>
          </div>
        </Form>
        <Form method="post" {...getFormProps(conflictForm)} className="card space-y-3">
          <h2 className="h2">Conflict of interest?</h2>
          <p className="text-sm text-slate-700">
            If you cannot judge this entry fairly, declare it: the entry leaves your queue, any scores you gave it are removed, and the organizers see your
            reason. You can withdraw it from your queue page until results are published.
          </p>
          <input type="hidden" name="intent" value="conflict" />
          <TextareaField label="Reason for the conflict" meta={conflictFields.reason} rows={2} />
          <button type="submit" className="btn-secondary">
            Declare a conflict
          </button>
        </Form>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
