import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ConfirmStep } from "~/components/confirm-step";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, Field, FormErrors } from "~/components/forms";
import { readConfirmation } from "~/lib/confirm";
import { parseForm } from "~/lib/forms.server";
import { enforce, readIntent, unknownIntent } from "~/lib/http.server";
import { formatInZone } from "~/lib/time";
import { redirectWithToast } from "~/lib/toast.server";
import { absoluteUrl } from "~/lib/urls.server";
import { canManageJudging } from "~/modules/auth/permissions";
import { requireEventAccess } from "~/modules/events/access.server";
import {
  addAssignment,
  listAssignments,
  previewAssignments,
  recomputeAssignments,
  removeAssignment,
  setJudgesPerEntry,
} from "~/modules/events/assignments.server";
import { listJudges } from "~/modules/events/events.server";
import { createJudgeInvite, listJudgeInvites, revokeJudgeInvite } from "~/modules/events/judge-invites.server";
import { assignmentSchema, judgeInviteSchema, judgesPerEntrySchema } from "~/modules/events/schemas";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Judges of ${data?.event.title ?? "event"} · Problem First` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, event, access } = await requireEventAccess(request, params.slug);
  enforce(canManageJudging(user, access));
  const [judges, invites, assignments, preview] = await Promise.all([
    listJudges(event.id),
    listJudgeInvites(event.id),
    event.judgesPerEntry === null ? Promise.resolve([]) : listAssignments(event.id),
    event.judgesPerEntry === null ? Promise.resolve(null) : previewAssignments(event.id, event.judgesPerEntry),
  ]);
  const now = new Date();
  return {
    event: { slug: event.slug, title: event.title, timezone: event.timezone, judgesPerEntry: event.judgesPerEntry },
    judges,
    invites: invites.map((i) => ({
      id: i.id,
      createdBy: i.createdBy,
      createdAt: formatInZone(i.createdAt, event.timezone),
      expiresAt: formatInZone(i.expiresAt, event.timezone),
      state: i.revokedAt ? ("revoked" as const) : i.expiresAt <= now ? ("expired" as const) : ("active" as const),
    })),
    assignments,
    // Entries that even a recompute could not fill: shown so the organizer can add judges.
    shortfall: preview && !preview.ok ? preview.message : null,
  };
}

type ActionResult = { intent: string; result: SubmissionResult<string[]>; inviteUrl?: string; expiresAt?: string };
type RevokeFacts = { inviteId: string; createdAt: string; createdBy: string; expiresAt: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, event, access } = await requireEventAccess(request, params.slug);
  enforce(canManageJudging(user, access));
  const formData = await request.formData();
  const intent = readIntent(formData);
  const back = `/events/${event.slug}/judges`;
  const invalid = (result: SubmissionResult<string[]>) => data<ActionResult>({ intent, result }, { status: 400 });

  switch (intent) {
    case "create-invite": {
      const submission = parseForm(formData, { schema: judgeInviteSchema });
      if (submission.status !== "success") return invalid(submission.reply());
      const invite = await createJudgeInvite(event.id, user.id, submission.value.days);
      // Shown once, on this response: only the token's hash is stored.
      const inviteUrl = absoluteUrl(request, `/judge-invite/${invite.token}`);
      return data<ActionResult>({
        intent,
        result: submission.reply({ resetForm: true }),
        inviteUrl,
        expiresAt: formatInZone(invite.expiresAt, event.timezone),
      });
    }
    case "revoke-invite": {
      const revoked = await revokeJudgeInvite(event.id, String(formData.get("inviteId") ?? ""), readConfirmation(formData));
      if (!revoked.ok && "confirm" in revoked) {
        const { inviteId, createdAt, createdBy, expiresAt } = revoked.confirm;
        const confirmRevoke: RevokeFacts = {
          inviteId,
          createdBy,
          createdAt: formatInZone(createdAt, event.timezone),
          expiresAt: formatInZone(expiresAt, event.timezone),
        };
        return data({ intent, confirmRevoke }, { status: 409 });
      }
      return revoked.ok
        ? redirectWithToast(back, "Invite link revoked: it no longer works.")
        : redirectWithToast(back, { kind: "error", message: revoked.message });
    }
    case "set-mode": {
      const submission = parseForm(formData, { schema: judgesPerEntrySchema });
      if (submission.status !== "success") return invalid(submission.reply());
      const n = submission.value.mode === "all" ? null : submission.value.judgesPerEntry!;
      const saved = await setJudgesPerEntry(event, n);
      if (!saved.ok) return invalid(submission.reply({ fieldErrors: { judgesPerEntry: [saved.message] } }));
      return redirectWithToast(
        back,
        n === null ? "Every judge now scores every entry." : `Each entry now gets ${n} ${n === 1 ? "judge" : "judges"}; assignments updated.`,
      );
    }
    case "recompute": {
      const plan = await recomputeAssignments(event);
      if (!plan) return redirectWithToast(back, { kind: "error", message: "Every judge scores every entry: there is nothing to assign." });
      return redirectWithToast(back, plan.ok ? "Assignments recomputed." : { kind: "error", message: `Assignments recomputed, with gaps. ${plan.message}` });
    }
    case "add-assignment": {
      const submission = parseForm(formData, { schema: assignmentSchema });
      if (submission.status !== "success") return invalid(submission.reply());
      const added = await addAssignment(event.id, submission.value.entryId, submission.value.judgeId);
      if (!added.ok) return invalid(submission.reply({ fieldErrors: { [added.field]: [added.message] } }));
      return redirectWithToast(back, "Judge assigned. Recomputing keeps this assignment.");
    }
    case "remove-assignment": {
      const submission = parseForm(formData, { schema: assignmentSchema });
      if (submission.status !== "success") return invalid(submission.reply());
      const removed = await removeAssignment(event.id, submission.value.entryId, submission.value.judgeId);
      if (!removed.ok) return redirectWithToast(back, { kind: "error", message: removed.message });
      return redirectWithToast(back, "Assignment removed.");
    }
    default:
      return unknownIntent(intent);
  }
}

type LoaderData = Awaited<ReturnType<typeof loader>>;

function InviteSection({
  event,
  invites,
  last,
  confirmRevoke,
}: {
  event: LoaderData["event"];
  invites: LoaderData["invites"];
  last?: ActionResult;
  confirmRevoke: RevokeFacts | null;
}) {
  const [form, fields] = useForm({
    id: "create-invite",
    lastResult: last?.intent === "create-invite" ? last.result : undefined,
    defaultValue: { days: "7" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: judgeInviteSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <section aria-labelledby="invites-h" className="card">
      <h2 id="invites-h" className="h2">
        Judge invite links
      </h2>
      <p className="mt-1 text-sm text-slate-600">Anyone signed in who opens a link can become a judge of {event.title}, until it expires or you revoke it.</p>
      {last?.inviteUrl ? (
        <div role="status" className="mt-3 rounded-md border border-emerald-300 bg-emerald-50 px-4 py-3 text-sm text-emerald-950">
          <p className="font-semibold">New invite link (copy it now: it is shown only once)</p>
          <label htmlFor="invite-url" className="sr-only">
            Invite link
          </label>
          <input id="invite-url" readOnly value={last.inviteUrl} className="input mt-2 font-mono text-xs" />
          <p className="mt-1">Valid until {last.expiresAt}.</p>
        </div>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="mt-4 flex flex-wrap items-end gap-3">
        <input type="hidden" name="intent" value="create-invite" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field label="Link valid for (days)" meta={fields.days} type="number" className="w-48" />
        <button type="submit" className="btn-secondary">
          Create invite link
        </button>
      </Form>
      {invites.length > 0 ? (
        <ul className="mt-4 space-y-2 text-sm">
          {invites.map((i) => (
            <li key={i.id} className="flex flex-wrap items-center justify-between gap-2">
              <span>
                Created {i.createdAt} by {i.createdBy} ·{" "}
                {i.state === "active" ? `valid until ${i.expiresAt}` : i.state === "expired" ? `expired ${i.expiresAt}` : "revoked"}
              </span>
              {i.state === "active" ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="revoke-invite" />
                  <input type="hidden" name="inviteId" value={i.id} />
                  <button type="submit" className="btn-danger px-2 py-1 text-xs" aria-label={`Revoke the link created ${i.createdAt}`}>
                    Revoke
                  </button>
                </Form>
              ) : null}
              {i.state === "active" && confirmRevoke?.inviteId === i.id ? (
                <ConfirmStep
                  className="basis-full"
                  question={`Revoke the invite link created ${confirmRevoke.createdAt} by ${confirmRevoke.createdBy}? It stops working at once, though it was valid until ${confirmRevoke.expiresAt}: nobody else can become a judge with it. Judges who already joined through it stay. A revoked link cannot be restored; you can create a new one.`}
                  fields={{ intent: "revoke-invite", inviteId: i.id }}
                  confirmLabel="Revoke the link for good"
                  keepLabel="Keep the link"
                />
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function ModeSection({ event, last }: { event: LoaderData["event"]; last?: ActionResult }) {
  const [form, fields] = useForm({
    id: "set-mode",
    lastResult: last?.intent === "set-mode" ? last.result : undefined,
    defaultValue: {
      mode: event.judgesPerEntry === null ? "all" : "per-entry",
      judgesPerEntry: event.judgesPerEntry === null ? "2" : String(event.judgesPerEntry),
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: judgesPerEntrySchema }),
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
          Every judge scores every entry (except entries of their own team)
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

function EntryAssignments({ entry, judges, last }: { entry: LoaderData["assignments"][number]; judges: LoaderData["judges"]; last?: ActionResult }) {
  const formId = `assign-${entry.id}`;
  const mine = last?.intent === "add-assignment" && last.result.initialValue?.entryId === entry.id;
  const [form, fields] = useForm({
    id: formId,
    lastResult: mine ? last.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: assignmentSchema }),
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
            {j.scored ? <span className="text-xs text-slate-600">(scored)</span> : null}
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

export default function EventJudges() {
  const { event, judges, invites, assignments, shortfall } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const last = answer && "result" in answer ? answer : undefined;
  const confirmRevoke = answer && "confirmRevoke" in answer ? answer.confirmRevoke : null;
  return (
    <div className="space-y-8">
      <div>
        <p className="text-sm text-slate-600">
          <Link to={`/events/${event.slug}/manage`}>← Manage {event.title}</Link>
        </p>
        <h1 className="h1 mt-1">Judges and assignments</h1>
        <p className="mt-2 text-sm text-slate-700">
          Judges ({judges.length}): {judges.length ? judges.map((j) => j.name).join(", ") : "none yet"}. Add or remove judges by email on the{" "}
          <Link to={`/events/${event.slug}/manage`}>manage page</Link>.
        </p>
      </div>
      <InviteSection event={event} invites={invites} last={last} confirmRevoke={confirmRevoke} />
      <section aria-labelledby="assign-h" className="card">
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
              judge has already scored.
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
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
