import { getFormProps, useForm, type SubmissionResult } from "~/lib/form";
import { Form } from "@remix-run/react";
import { ConfirmStep, useSending } from "~/components/confirm-step";
import { Field, FormErrors } from "~/components/forms";
import type { InviteLine } from "~/components/manage/judges-section";
import { lazySchemas } from "~/lib/lazy-schemas";
import type { JudgingRound } from "~/modules/judging/rounds";

const check = lazySchemas(() => import("~/modules/events/schemas"));

type InviteResult = { intent: string; result: SubmissionResult<string[]>; inviteUrl?: string; expiresAt?: string };
export type RevokeFacts = { inviteId: string; createdAt: string; createdBy: string; expiresAt: string };

/** Judge invite links: create one (its address is shown once), list them, revoke one after a confirm step. */
export function InviteSection({
  event,
  invites,
  last,
  confirmRevoke,
}: {
  event: { title: string; round: JudgingRound };
  invites: InviteLine[];
  last?: InviteResult;
  confirmRevoke: RevokeFacts | null;
}) {
  const creating = useSending({ intent: "create-invite" });
  const [form, fields] = useForm({
    id: "create-invite",
    lastResult: last?.intent === "create-invite" ? last.result : undefined,
    defaultValue: { days: "7" },
    onValidate: ({ formData }) => check(formData, (s) => s.judgeInviteSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <section id="invites" aria-labelledby="invites-h" className="card scroll-mt-4">
      <h2 id="invites-h" className="h2">
        Judge invite links
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Anyone signed in who opens a link can become a judge of {event.round === 2 ? `the final round of ${event.title}` : event.title}, until it expires or you
        revoke it.
      </p>
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
        <button type="submit" className="btn-secondary" disabled={creating}>
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
