import { getFormProps, useForm, type SubmissionResult } from "~/lib/form";
import { Form } from "@remix-run/react";
import { ConfirmStep, useSending } from "~/components/confirm-step";
import { Field } from "~/components/forms";
import { lazySchemas } from "~/lib/lazy-schemas";
import { ManageSection } from "./on-this-page";

const check = lazySchemas(() => import("~/modules/events/schemas"));

type Person = { id: string; name: string; email: string };

type Removal = { userId: string; name: string; self: boolean };

/** Who organizes the event: add a co-organizer by email, remove one (never the last), once confirmed. */
export function OrganizersSection({
  organizers,
  lastResult,
  confirmRemove,
}: {
  organizers: Person[];
  lastResult?: SubmissionResult<string[]>;
  confirmRemove: Removal | null;
}) {
  const adding = useSending({ intent: "add-organizer" });
  const [form, fields] = useForm({
    id: "add-organizer",
    lastResult,
    onValidate: ({ formData }) => check(formData, (s) => s.addOrganizerSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <ManageSection id="organizers" title={`Organizers (${organizers.length})`}>
      <ul className="mt-2 space-y-2 text-sm">
        {organizers.map((o) => (
          <li key={o.id} className="flex flex-wrap items-center justify-between gap-2">
            <span className="[overflow-wrap:anywhere]">
              {o.name} ({o.email})
            </span>
            {organizers.length > 1 ? (
              <Form method="post">
                <input type="hidden" name="intent" value="remove-organizer" />
                <input type="hidden" name="userId" value={o.id} />
                <button type="submit" className="btn-danger px-2 py-1 text-xs" aria-label={`Remove ${o.name} as organizer`}>
                  Remove
                </button>
              </Form>
            ) : null}
            {confirmRemove?.userId === o.id ? <ConfirmRemoveOrganizer removal={confirmRemove} /> : null}
          </li>
        ))}
      </ul>
      <Form method="post" {...getFormProps(form)} className="mt-4 flex flex-wrap items-end gap-3">
        <input type="hidden" name="intent" value="add-organizer" />
        <Field label="Add a co-organizer by email" meta={fields.email} type="email" className="min-w-0 flex-1 sm:min-w-64" />
        <button type="submit" className="btn-secondary" disabled={adding}>
          Add organizer
        </button>
      </Form>
    </ManageSection>
  );
}

function ConfirmRemoveOrganizer({ removal }: { removal: Removal }) {
  return (
    <ConfirmStep
      className="basis-full"
      question={
        removal.self
          ? "Remove yourself as an organizer of this event? You will no longer be able to manage it; another organizer can add you again."
          : `Remove ${removal.name} as an organizer of this event? They will no longer be able to manage it; you can add them again.`
      }
      fields={{ intent: "remove-organizer", userId: removal.userId }}
      confirmLabel={removal.self ? "Yes, remove me" : `Yes, remove ${removal.name}`}
      keepLabel={removal.self ? "Stay an organizer" : `Keep ${removal.name}`}
    />
  );
}
