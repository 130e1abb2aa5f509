import { getFormProps, useForm, type SubmissionResult } from "~/lib/form";
import { Form } from "@remix-run/react";
import { ErrorList, Field, FormErrors } from "~/components/forms";
import { lazySchemas } from "~/lib/lazy-schemas";
import type { SheetState } from "~/modules/judging/queue";

const check = lazySchemas(() => import("~/modules/events/schemas"));

type AssignedEntry = {
  id: string;
  title: string;
  judges: { judgeId: string; judgeName: string; manual: boolean; scored: boolean; sheet: SheetState }[];
};

/** How far an assigned judge's round 1 sheet is: a sheet with some of its scores is not called scored. */
const sheetWords: Record<SheetState, string> = { done: "scored", partial: "partly scored", todo: "" };

type Last = { intent: string; result: SubmissionResult<string[]> };

/** How entries get their judges: the mode, a recompute, and each entry's judges. */
export function AssignmentSection({
  event,
  judges,
  assignments,
  shortfall,
  last,
}: {
  event: { judgesPerEntry: number | null };
  judges: { id: string; name: string }[];
  assignments: AssignedEntry[];
  shortfall: string | null;
  last?: Last;
}) {
  return (
    <section id="assignment" aria-labelledby="assign-h" className="card">
      <h2 id="assign-h" className="h2">
        Assignment
      </h2>
      <ModeSection event={event} last={last} />
      {event.judgesPerEntry !== null ? (
        <div className="mt-6">
          {shortfall ? (
            <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
              {shortfall}
            </p>
          ) : null}
          <Form method="post" className="mt-3">
            <input type="hidden" name="intent" value="recompute" />
            <button type="submit" className="btn-secondary">
              Recompute assignments
            </button>
          </Form>
          <p className="mt-2 text-sm text-slate-600">
            Assignments are recomputed when judges are added or removed and when judging starts. Recomputing keeps manual assignments and every assignment a
            judge has started scoring.
          </p>
          {assignments.length === 0 ? (
            <p className="mt-3 text-sm text-slate-600">No submitted entries yet.</p>
          ) : (
            <ul className="mt-3">
              {assignments.map((entry) => (
                <EntryAssignments key={entry.id} entry={entry} judges={judges} last={last} />
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </section>
  );
}

/** Who scores each entry: every judge, or a fixed number per entry assigned automatically. */
function ModeSection({ event, last }: { event: { judgesPerEntry: number | null }; last?: Last }) {
  const [form, fields] = useForm({
    id: "set-mode",
    lastResult: last?.intent === "set-mode" ? last.result : undefined,
    defaultValue: {
      mode: event.judgesPerEntry === null ? "all" : "per-entry",
      judgesPerEntry: event.judgesPerEntry === null ? "2" : String(event.judgesPerEntry),
    },
    onValidate: ({ formData }) => check(formData, (s) => s.judgesPerEntrySchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="mt-4 space-y-3">
      <input type="hidden" name="intent" value="set-mode" />
      <FormErrors id={form.errorId} errors={form.errors} />
      <fieldset className="space-y-2">
        <legend className="label">Who scores each entry</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name={fields.mode.name} value="all" defaultChecked={fields.mode.initialValue === "all"} />
          Every judge scores every entry (except entries they declared a conflict with)
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name={fields.mode.name} value="per-entry" defaultChecked={fields.mode.initialValue === "per-entry"} />A fixed number of judges for
          each entry, assigned automatically to balance the load
        </label>
        <ErrorList id={fields.mode.errorId} errors={fields.mode.errors} />
      </fieldset>
      <Field label="Judges per entry" meta={fields.judgesPerEntry} type="number" className="w-48" />
      <button type="submit" className="btn-secondary">
        Save assignment mode
      </button>
    </Form>
  );
}

/** One submitted entry with its judges: unassign one who has not scored, or assign another by hand. */
function EntryAssignments({ entry, judges, last }: { entry: AssignedEntry; judges: { id: string; name: string }[]; last?: Last }) {
  const formId = `assign-${entry.id}`;
  const mine = last?.intent === "add-assignment" && last.result.initialValue?.entryId === entry.id;
  const [form, fields] = useForm({
    id: formId,
    lastResult: mine ? last.result : undefined,
    onValidate: ({ formData }) => check(formData, (s) => s.assignmentSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const assignedIds = new Set(entry.judges.map((j) => j.judgeId));
  const free = judges.filter((j) => !assignedIds.has(j.id));
  return (
    <li className="border-b border-slate-100 py-3">
      <p className="font-semibold">{entry.title || "Untitled entry"}</p>
      {entry.judges.length === 0 ? <p className="text-sm text-slate-600">No judge assigned.</p> : null}
      <ul className="mt-1 flex flex-wrap gap-2 text-sm">
        {entry.judges.map((j) => (
          <li key={j.judgeId} className="flex items-center gap-1 rounded-full bg-slate-100 py-0.5 pl-3 pr-1">
            {j.judgeName}
            {j.manual ? <span className="text-xs text-slate-600">(manual)</span> : null}
            {sheetWords[j.sheet] ? <span className="text-xs text-slate-600">({sheetWords[j.sheet]})</span> : null}
            {j.scored ? null : (
              <Form method="post">
                <input type="hidden" name="intent" value="remove-assignment" />
                <input type="hidden" name="entryId" value={entry.id} />
                <input type="hidden" name="judgeId" value={j.judgeId} />
                <button
                  type="submit"
                  className="rounded-full px-2 text-xs text-red-800 underline"
                  aria-label={`Unassign ${j.judgeName} from ${entry.title || "this entry"}`}
                >
                  Remove
                </button>
              </Form>
            )}
          </li>
        ))}
      </ul>
      {free.length > 0 ? (
        <Form method="post" {...getFormProps(form)} className="mt-2 flex flex-wrap items-end gap-2">
          <input type="hidden" name="intent" value="add-assignment" />
          <input type="hidden" name="entryId" value={entry.id} />
          <div>
            <label htmlFor={fields.judgeId.id} className="sr-only">
              Judge to assign to {entry.title || "this entry"}
            </label>
            <select
              id={fields.judgeId.id}
              name={fields.judgeId.name}
              className="input"
              aria-describedby={fields.judgeId.errors ? fields.judgeId.errorId : undefined}
            >
              {free.map((j) => (
                <option key={j.id} value={j.id}>
                  {j.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn-secondary px-2 py-1 text-xs">
            Assign judge
          </button>
          <ErrorList id={fields.judgeId.errorId} errors={fields.judgeId.errors} />
          <ErrorList id={fields.entryId.errorId} errors={fields.entryId.errors} />
        </Form>
      ) : null}
    </li>
  );
}

/** Round 1's assignments once the final round started: its record, read-only (ADR 038). */
export function RoundOneAssignments({
  event,
  assignments,
  closed,
}: {
  event: { judgesPerEntry: number | null };
  assignments: AssignedEntry[];
  closed: string;
}) {
  return (
    <section id="assignment" aria-labelledby="assign-h" className="card">
      <h2 id="assign-h" className="h2">
        Round 1 assignments
      </h2>
      <p className="mt-1 text-sm text-slate-600">{closed}</p>
      {event.judgesPerEntry === null ? (
        <p className="mt-3 text-sm text-slate-700">In round 1 every judge scored every entry (except entries they declared a conflict with).</p>
      ) : (
        <ul className="mt-3 space-y-2 text-sm">
          {assignments.map((entry) => (
            <li key={entry.id}>
              <span className="font-semibold">{entry.title || "Untitled entry"}</span>:{" "}
              {entry.judges.length
                ? entry.judges.map((j) => `${j.judgeName}${sheetWords[j.sheet] ? ` (${sheetWords[j.sheet]})` : ""}`).join(", ")
                : "no judge assigned"}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
