import { getFormProps, useForm, type SubmissionResult } from "~/lib/form";
import { Form } from "@remix-run/react";
import { Link } from "~/components/link";
import { ConfirmStep } from "~/components/confirm-step";
import { FormErrors, TextareaField } from "~/components/forms";
import { lazySchemas } from "~/lib/lazy-schemas";
import { canAskAfterEnding, statusWords, type JoinRequestStatus } from "~/modules/teams/join-requests";
import { RequestStatus } from "./request-status";
import { possessive } from "~/lib/possessive";

const check = lazySchemas(() => import("~/modules/teams/schemas"));

type Incoming = {
  id: string;
  userId: string;
  name: string;
  status: JoinRequestStatus;
  /** How many times they asked: after the second, a decline is final (MAX_ASKS). */
  asks: number;
  /** The team's invitation to them stands: declining withdraws it. */
  invited: boolean;
  message: string;
  skills: string | null;
  inOtherTeam: boolean;
};

/** The lead's side: list the team as looking for members (with what it needs), and answer requests to join. */
export function TeamRecruiting({
  team,
  opening,
  incoming,
  lastResult,
  confirm,
  requestError,
}: {
  team: { id: string; name: string };
  opening: { needs: string } | null;
  incoming: Incoming[];
  lastResult: SubmissionResult<string[]> | undefined;
  confirm: { requestId: string; askerName: string } | null;
  requestError: { requestId: string; message: string } | null;
}) {
  const [form, fields] = useForm({
    id: "opening",
    lastResult,
    defaultValue: { needs: opening?.needs ?? "" },
    onValidate: ({ formData }) => check(formData, (s) => s.openingSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <section aria-labelledby="recruit-h" className="card space-y-4">
      <h2 id="recruit-h" className="h2">
        Members for {team.name}
      </h2>
      <p className="text-sm text-slate-700">
        {opening ? "Your team is listed as looking for members." : "List your team as looking for members, and say who you need."}
      </p>
      <Form method="post" {...getFormProps(form)} className="space-y-3">
        <input type="hidden" name="intent" value="save-opening" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextareaField label="What your team needs" meta={fields.needs} rows={2} hint="For example: someone who knows the CRM's data, or a designer." />
        <span className="flex flex-wrap gap-2">
          <button type="submit" className="btn-primary">
            {opening ? "Update what we need" : "Look for members"}
          </button>
        </span>
      </Form>
      {opening ? (
        <Form method="post">
          <button type="submit" name="intent" value="close-opening" className="btn-secondary">
            Stop looking for members
          </button>
        </Form>
      ) : null}
      <div id="requests">
        <h3 className="text-base font-semibold">Requests to join</h3>
        {incoming.length === 0 ? (
          <p className="mt-1 text-sm text-slate-600">No requests yet.</p>
        ) : (
          <ul className="mt-2 space-y-3">
            {incoming.map((r) => (
              <li key={r.id} className="rounded-md border border-slate-200 p-3">
                <p className="flex flex-wrap items-center gap-2">
                  <Link to={`/people/${r.userId}`} className="font-semibold">
                    {r.name}
                  </Link>
                  <RequestStatus status={r.status} />
                </p>
                {r.message ? <p className="mt-1 text-sm text-slate-800">“{r.message}”</p> : null}
                {r.skills ? <p className="mt-1 text-sm text-slate-700">Skills and interests: {r.skills}</p> : null}
                <p className="hint">{r.inOtherTeam && r.status === "pending" ? "They joined another team meanwhile." : statusWords[r.status].lead}</p>
                {requestError?.requestId === r.id ? (
                  <p role="alert" className="field-error">
                    {requestError.message}
                  </p>
                ) : null}
                {r.status === "pending" && confirm?.requestId === r.id ? (
                  <ConfirmStep
                    className="mt-2"
                    question={`Decline ${possessive(r.name)} request? They are told that you declined, and ${canAskAfterEnding(r.asks) ? "may ask your team once more" : "cannot ask your team again"}.${r.invited ? " Your invitation to them is withdrawn too; you can invite them again later." : ""}`}
                    fields={{ intent: "decline", requestId: r.id }}
                    confirmLabel={`Decline ${r.name}`}
                    keepLabel="Keep the request"
                  />
                ) : r.status === "pending" ? (
                  <Form method="post" className="mt-2 flex flex-wrap gap-2">
                    <input type="hidden" name="requestId" value={r.id} />
                    {/* Someone in another team cannot join this one: only declining is left. */}
                    {r.inOtherTeam ? null : (
                      <button type="submit" name="intent" value="accept" className="btn-primary" aria-label={`Accept ${r.name}`}>
                        Accept
                      </button>
                    )}
                    <button type="submit" name="intent" value="decline" className="btn-danger" aria-label={`Decline ${r.name}`}>
                      Decline
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
