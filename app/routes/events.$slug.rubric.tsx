import { getFormProps, getInputProps, useForm, type SubmissionResult } from "~/lib/form";
import { listRows } from "~/lib/form-lists";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EnterSaves, ErrorList, Field, FormErrors, LeaveDialog, TextareaField } from "~/components/forms";
import { useUnsavedForm } from "~/components/unsaved-form";
import { sentStamp } from "~/lib/stamp.server";
import { parseForm, refusedKeepingForm } from "~/lib/forms.server";
import { enforce, readIntent, unknownIntent } from "~/lib/http.server";
import { lazySchemas } from "~/lib/lazy-schemas";
import { redirectWithToast } from "~/lib/toast.server";
import { canEditRubric, canManageEvent } from "~/modules/auth/permissions";
import { requireEventAccess } from "~/modules/events/access.server";
import { listCriteria } from "~/modules/events/events.server";
import { parseLevels, scaleOptions } from "~/modules/events/rubric";
import { rubricLocked, rubricStamp, saveRubricForm, setScale } from "~/modules/events/rubric.server";
import { rubricSchema, scaleSchema } from "~/modules/events/schemas";
import { asRound } from "~/modules/judging/rounds";
import { pageTitle } from "~/lib/page-title";

const check = lazySchemas(() => import("~/modules/events/schemas"));

export const meta: MetaFunction<typeof loader> = ({ data, error }) => pageTitle(error, () => `Rubric of ${data?.event.title ?? "event"}`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, event, access } = await requireEventAccess(request, params.slug);
  enforce(canManageEvent(user, access));
  // The page edits the current round's rubric: the final round's once it started (ADR 038).
  const round = asRound(event.judgingRound);
  const [rubric, locked] = await Promise.all([listCriteria(event.id, round), rubricLocked(event.id, round)]);
  return {
    event: { slug: event.slug, title: event.title, scaleMax: event.scaleMax },
    round,
    locked,
    stamp: rubricStamp(event.scaleMax, rubric),
    learningsCriterionId: rubric.find((c) => c.kind === "learnings")?.id ?? null,
    criteria: rubric.map((c) => {
      const levels = parseLevels(c.levels);
      return {
        id: c.id,
        name: c.name,
        description: c.description,
        weight: String(c.weight),
        levels: Array.from({ length: event.scaleMax }, (_, i) => levels[i] ?? ""),
      };
    }),
  };
}

/** `scaleSet`: the scale was changed (the criteria come back unsaved); `scaleError`: why it was not. */
type ActionResult = { intent: string; result: SubmissionResult<string[]>; scaleSet?: number; scaleError?: string };

/** The name of the rubric form's "Change scale" button. */
const CHANGE_SCALE = "changeScale";
/** The rubric form's id: the scale's controls belong to it from outside it. */
const RUBRIC_FORM = "save-rubric";

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, event, access } = await requireEventAccess(request, params.slug);
  const round = asRound(event.judgingRound);
  enforce(canManageEvent(user, access));
  // Locked since the page was opened (a judge started scoring): said beside the form, which keeps the organizer's edits.
  const edit = canEditRubric(user, access, { scored: await rubricLocked(event.id, round) });
  const formData = await request.formData();
  const intent = readIntent(formData);
  const back = `/events/${event.slug}/rubric`;
  const locked = (submission: { reply: (options: { formErrors: string[] }) => SubmissionResult<string[]> }, reason: string) =>
    data<ActionResult>({ intent, result: submission.reply({ formErrors: [refusedKeepingForm(reason, "Your changes are")] }) }, { status: 409 });

  switch (intent) {
    case "save-rubric": {
      const submission = parseForm(formData, { schema: rubricSchema });
      if (formData.has(CHANGE_SCALE)) {
        // "Change scale" belongs to the rubric form: the criteria as typed come back, unsaved and unchecked (a scale
        // change saves none of them), over the new scale or beside the reason it was not changed.
        const typed = { ...submission.reply(), status: undefined, error: undefined };
        const refused = (message: string, status: number) => data<ActionResult>({ intent, result: { ...typed, error: { "": [message] } } }, { status });
        if (!edit.ok) return refused(refusedKeepingForm(edit.reason, "Your changes are"), 409);
        // The scale is the event's: round 1 was scored on it, so the final round keeps it.
        if (round === 2) return data<ActionResult>({ intent, result: typed, scaleError: "The scale is kept for the final round." }, { status: 409 });
        const scale = parseForm(formData, { schema: scaleSchema });
        if (scale.status !== "success") return data<ActionResult>({ intent, result: typed, scaleError: "Pick 1–5 or 1–10." }, { status: 400 });
        const changed = await setScale(event.id, scale.value.scaleMax, { scaleMax: event.scaleMax, stamp: sentStamp(formData) });
        if (!changed.ok) return refused(changed.message, 409);
        return data<ActionResult>({ intent, result: typed, scaleSet: scale.value.scaleMax });
      }
      if (!edit.ok) return locked(submission, edit.reason);
      // A conform list intent (add or remove a criterion, without JavaScript) is not an error: the form comes back changed.
      if (submission.status !== "success")
        return data<ActionResult>({ intent, result: submission.reply() }, { status: submission.status === "error" ? 400 : 200 });
      const scale = parseForm(formData, { schema: scaleSchema });
      const picked = round === 1 && scale.status === "success" ? scale.value.scaleMax : undefined;
      const saved = await saveRubricForm(event, submission.value, round, sentStamp(formData), picked);
      if (!saved.ok)
        return data<ActionResult>(
          { intent, result: submission.reply({ formErrors: [saved.message], fieldErrors: saved.fieldErrors }) },
          { status: saved.fieldErrors ? 400 : 409 },
        );
      return redirectWithToast(back, saved.scaleSet ? `Rubric saved. Scale set to 1–${saved.scaleSet}.` : "Rubric saved.");
    }
    default:
      return unknownIntent(intent);
  }
}

/** Whether the rubric form is on its way to the server, and whether as a change of scale. */
function useRubricSending() {
  const sending = useNavigation().formData;
  const busy = sending?.get("intent") === "save-rubric";
  return { busy, changingScale: busy && sending.has(CHANGE_SCALE) };
}

/**
 * The scale (round 1): controls of the rubric form (`form`), outside its keyed element, so that a change of scale,
 * which rebuilds the form, keeps the focus on them and the status line in place for screen readers. "Change scale"
 * sends the criteria as typed along.
 */
function ScaleControls({ scaleMax, last }: { scaleMax: number; last?: ActionResult }) {
  const { busy, changingScale } = useRubricSending();
  return (
    <div className="card space-y-2">
      {/* Enter in any of the form's fields presses its first button, which this one, before Change scale, is. */}
      <EnterSaves label="Save rubric" form={RUBRIC_FORM} />
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="rubric-scale" className="label">
            Score scale
          </label>
          <select
            id="rubric-scale"
            form={RUBRIC_FORM}
            name="scaleMax"
            defaultValue={String(scaleMax)}
            className="input mt-1"
            aria-invalid={last?.scaleError ? true : undefined}
            aria-describedby={last?.scaleError ? "rubric-scale-error" : undefined}
          >
            {scaleOptions.map((n) => (
              <option key={n} value={n}>
                1–{n}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" form={RUBRIC_FORM} name={CHANGE_SCALE} value="yes" className="btn-secondary" disabled={busy}>
          {changingScale ? "Changing…" : "Change scale"}
        </button>
      </div>
      <ErrorList id="rubric-scale-error" errors={last?.scaleError ? [last.scaleError] : undefined} />
      {/* Always on the page, so its message is announced; said once the page's data has the new scale. */}
      <p role="status" className="text-sm text-slate-700 empty:hidden">
        {last?.scaleSet === scaleMax
          ? `Scale set to 1–${scaleMax}. Any other change in the form is not saved until you press Save rubric. Level texts stay on their numbers: check that they still fit the new scale.`
          : ""}
      </p>
    </div>
  );
}

function RubricForm({
  criteria,
  stamp,
  scaleMax,
  last,
  learningsCriterionId,
}: {
  criteria: Awaited<ReturnType<typeof loader>>["criteria"];
  /** The stored rubric this form was loaded with (rubricStamp): a save over a rubric changed since is refused. */
  stamp: string;
  scaleMax: number;
  last?: ActionResult;
  learningsCriterionId: string | null;
}) {
  const [form, fields] = useForm({
    id: RUBRIC_FORM,
    lists: listRows,
    lastResult: last?.intent === "save-rubric" ? last.result : undefined,
    defaultValue: { criteria },
    onValidate: ({ formData }) => {
      if (!formData.has(CHANGE_SCALE)) return check(formData, (s) => s.rubricSchema);
      // "Change scale" sends unfinished criteria along too: only the scale is checked then.
      const { status, error } = check(formData, (s) => s.scaleSchema);
      return { status, error };
    },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const list = fields.criteria.getFieldList();
  const { busy, changingScale } = useRubricSending();
  const formProps = getFormProps(form);
  // Only "Save rubric" (a button without a name) saves: a change of scale or a list button keeps the typing unsaved.
  const unsaved = useUnsavedForm(formProps, last?.intent === "save-rubric" ? last.result : undefined, { saves: (button) => !button?.name });
  return (
    <Form method="post" {...formProps} {...unsaved.props} className="space-y-4">
      <input type="hidden" name="intent" value="save-rubric" />
      <input type="hidden" name="stamp" value={stamp} />
      <EnterSaves label="Save rubric" />
      <FormErrors id={form.errorId} errors={form.errors} />
      <ErrorList id={fields.criteria.errorId} errors={fields.criteria.errors} />
      {/* While the scale changes, the criteria cannot be edited: the form is rebuilt from what was sent. */}
      <fieldset disabled={changingScale} className="contents">
        <ol className="space-y-4">
          {list.map((item, index) => {
            const c = item.getFieldset();
            const levels = (c.levels.initialValue ?? []) as (string | undefined)[];
            const n = index + 1;
            return (
              <li key={item.key} className="card space-y-3">
                <fieldset className="space-y-3">
                  <legend className="h2">Criterion {n}</legend>
                  <input {...getInputProps(c.id, { type: "hidden" })} />
                  <div className="grid gap-3 sm:grid-cols-[1fr_8rem]">
                    <Field label={`Name of criterion ${n}`} meta={c.name} />
                    <Field label={`Weight of criterion ${n}`} meta={c.weight} type="number" />
                  </div>
                  <TextareaField label={`What judges look for (criterion ${n})`} meta={c.description} rows={2} />
                  {learningsCriterionId && c.id.initialValue === learningsCriterionId ? (
                    <p className="text-sm text-slate-600">Scores on this criterion suggest the winner of "Most valuable failure", whatever you name it.</p>
                  ) : null}
                  <details open={levels.some(Boolean)}>
                    <summary className="cursor-pointer text-sm font-semibold">Text for each score level (optional)</summary>
                    <div className="mt-2 grid gap-2">
                      {Array.from({ length: scaleMax }, (_, i) => {
                        const id = `${c.levels.id}-${i}`;
                        return (
                          <div key={i} className="grid items-center gap-2 sm:grid-cols-[7rem_1fr]">
                            <label htmlFor={id} className="text-sm">
                              Level {i + 1}
                              <span className="sr-only"> of criterion {n}</span>
                            </label>
                            <input id={id} name={`${c.levels.name}[${i}]`} defaultValue={levels[i] ?? ""} className="input" />
                          </div>
                        );
                      })}
                    </div>
                    <ErrorList id={c.levels.errorId} errors={c.levels.errors} />
                  </details>
                </fieldset>
                <button
                  {...form.remove.getButtonProps({ name: fields.criteria.name, index })}
                  className="btn-danger px-2 py-1 text-xs"
                  disabled={list.length <= 1}
                >
                  Remove criterion {n}
                </button>
              </li>
            );
          })}
        </ol>
      </fieldset>
      {unsaved.blocker.state === "blocked" ? <LeaveDialog blocker={unsaved.blocker} unsaved="Your changes to the rubric are not saved yet." /> : null}
      <div className="flex flex-wrap gap-3">
        <button
          {...form.insert.getButtonProps({
            name: fields.criteria.name,
            defaultValue: { name: "", description: "", weight: "10", levels: Array.from({ length: scaleMax }, () => "") },
          })}
          className="btn-secondary"
        >
          Add a criterion
        </button>
        <button type="submit" className="btn-primary" disabled={busy}>
          {busy && !changingScale ? "Saving…" : "Save rubric"}
        </button>
      </div>
    </Form>
  );
}

export default function Rubric() {
  const { event, round, locked, stamp, criteria, learningsCriterionId } = useLoaderData<typeof loader>();
  const last = useActionData<typeof action>();
  const total = criteria.reduce((sum, c) => sum + Number(c.weight), 0);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <p className="text-sm text-slate-600">
        <Link to={`/events/${event.slug}/manage#rubric`}>← Manage {event.title}</Link>
      </p>
      <h1 className="h1">{round === 2 ? "Final round rubric" : "Rubric"}</h1>
      {round === 2 ? <p className="text-sm text-slate-700">Round 1 is closed and keeps its own rubric; this one is for scoring the finalists.</p> : null}
      {/* Without JavaScript, a save refused because the rubric locked meanwhile reads the page again, locked: the form
          stays with what was sent and the refusal, as it does with JavaScript. */}
      {locked && !last?.result.error ? (
        <>
          <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
            The rubric is locked: judges have started scoring with it. Results always use the rubric the scores were given under.
          </p>
          <p className="text-sm text-slate-700">Scale 1–{event.scaleMax}.</p>
          <ol className="list-decimal space-y-2 pl-5">
            {criteria.map((c) => (
              <li key={c.id}>
                <span className="font-semibold">{c.name}</span> (weight {c.weight}): {c.description}
                {c.levels.some(Boolean) ? (
                  <ul className="mt-1 text-sm text-slate-700">{c.levels.map((text, i) => (text ? <li key={i}>{`${i + 1}: ${text}`}</li> : null))}</ul>
                ) : null}
              </li>
            ))}
          </ol>
        </>
      ) : (
        <>
          <p className="text-slate-700">
            Weights are relative (they now add up to {total}); each entry's total is the weighted average of its criteria. Every weight must be above 0 to open
            the event. The rubric locks when the first score is saved.
          </p>
          {round === 1 ? (
            <ScaleControls scaleMax={event.scaleMax} last={last} />
          ) : (
            <p className="text-sm text-slate-700">Scale 1–{event.scaleMax}, as in round 1.</p>
          )}
          {/* A new key after each save or scale change: the form starts again from what is stored, or after a scale
              change from the criteria it sent. */}
          <RubricForm
            key={`${event.scaleMax}:${criteria.map((c) => `${c.id}/${c.weight}/${c.name}`).join("|")}`}
            criteria={criteria}
            stamp={stamp}
            scaleMax={event.scaleMax}
            last={last}
            learningsCriterionId={learningsCriterionId}
          />
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
