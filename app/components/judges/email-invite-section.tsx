import { getFormProps, useForm, type SubmissionResult } from "~/lib/form";
import { Form, useNavigation } from "@remix-run/react";
import { ConfirmStep, isSending } from "~/components/confirm-step";
import { Field, FormErrors } from "~/components/forms";
import { lazySchemas } from "~/lib/lazy-schemas";
import type { JudgingRound } from "~/modules/judging/rounds";

const check = lazySchemas(() => import("~/modules/events/schemas"));

export type EmailInviteLine = {
  id: string;
  email: string;
  createdBy: string;
  createdAt: string;
  /** When a resend mailed it again, if it did. */
  resentAt: string | null;
  expiresAt: string;
  expired: boolean;
};
export type WithdrawFacts = { inviteId: string; email: string; createdAt: string };

/**
 * Invite a judge by email: someone with an account is added at once; anyone else gets a link by mail, listed
 * here until they accept it, with Resend (a new link) and Withdraw (after a confirm step). Once the final round
 * started, both join the final round's judges (ADR 038).
 */
export function EmailInviteSection({
  event,
  pending,
  last,
  confirmWithdraw,
}: {
  event: { title: string; round: JudgingRound };
  pending: EmailInviteLine[];
  last?: { intent: string; result: SubmissionResult<string[]> };
  confirmWithdraw: WithdrawFacts | null;
}) {
  const navigation = useNavigation();
  const inviting = isSending(navigation, { intent: "invite-by-email" });
  const [form, fields] = useForm({
    id: "invite-by-email",
    lastResult: last?.intent === "invite-by-email" ? last.result : undefined,
    onValidate: ({ formData }) => check(formData, (s) => s.inviteJudgeByEmailSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <section id="email-invites" aria-labelledby="email-invites-h" className="card scroll-mt-4">
      <h2 id="email-invites-h" className="h2">
        {event.round === 2 ? "Invite a final round judge by email" : "Invite a judge by email"}
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Someone with an account becomes a judge of {event.round === 2 ? `the final round of ${event.title}` : event.title} at once. Anyone else gets a link by
        email to sign up and accept; it works for one person.
      </p>
      <Form method="post" {...getFormProps(form)} className="mt-4 flex flex-wrap items-end gap-3">
        <input type="hidden" name="intent" value="invite-by-email" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field label="Judge's email" meta={fields.email} type="email" autoComplete="off" className="w-full max-w-sm" />
        <button type="submit" className="btn-primary" disabled={inviting}>
          Invite by email
        </button>
      </Form>
      <h3 className="mt-6 font-semibold">Invites waiting for an answer ({pending.length})</h3>
      {pending.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">None.</p>
      ) : (
        <ul className="mt-2 space-y-3 text-sm">
          {pending.map((i) => (
            <li key={i.id} className="flex flex-wrap items-center justify-between gap-2">
              <span className="min-w-0 break-all">
                <strong>{i.email}</strong> · sent {i.createdAt} by {i.createdBy}
                {i.resentAt ? `, again ${i.resentAt}` : ""} · {i.expired ? `expired ${i.expiresAt}` : `valid until ${i.expiresAt}`}
              </span>
              <span className="flex gap-2">
                <Form method="post">
                  <input type="hidden" name="intent" value="resend-invite" />
                  <input type="hidden" name="inviteId" value={i.id} />
                  <button
                    type="submit"
                    className="btn-secondary px-2 py-1 text-xs"
                    aria-label={`Resend the invite to ${i.email}`}
                    disabled={isSending(navigation, { intent: "resend-invite", inviteId: i.id })}
                  >
                    Resend
                  </button>
                </Form>
                <Form method="post">
                  <input type="hidden" name="intent" value="withdraw-invite" />
                  <input type="hidden" name="inviteId" value={i.id} />
                  <button type="submit" className="btn-danger px-2 py-1 text-xs" aria-label={`Withdraw the invite to ${i.email}`}>
                    Withdraw
                  </button>
                </Form>
              </span>
              {confirmWithdraw?.inviteId === i.id ? (
                <ConfirmStep
                  className="basis-full"
                  question={`Withdraw the invite to ${confirmWithdraw.email} sent ${confirmWithdraw.createdAt}? Its link stops working at once. You can invite them again later.`}
                  fields={{ intent: "withdraw-invite", inviteId: i.id }}
                  confirmLabel="Withdraw the invite"
                  keepLabel="Keep the invite"
                />
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
