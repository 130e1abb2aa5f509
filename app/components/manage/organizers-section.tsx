import { getFormProps, useForm, type SubmissionResult } from "~/lib/form";
import { Form } from "@remix-run/react";
import { Field } from "~/components/forms";
import { lazySchemas } from "~/lib/lazy-schemas";
import { ManageSection } from "./on-this-page";

const check = lazySchemas(() => import("~/modules/events/schemas"));

type Person = { id: string; name: string; email: string };

/** Who organizes the event: add a co-organizer by email, remove one (never the last). */
export function OrganizersSection({ organizers, lastResult }: { organizers: Person[]; lastResult?: SubmissionResult<string[]> }) {
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
          </li>
        ))}
      </ul>
      <Form method="post" {...getFormProps(form)} className="mt-4 flex flex-wrap items-end gap-3">
        <input type="hidden" name="intent" value="add-organizer" />
        <Field label="Add a co-organizer by email" meta={fields.email} type="email" className="min-w-0 flex-1 sm:min-w-64" />
        <button type="submit" className="btn-secondary">
          Add organizer
        </button>
      </Form>
    </ManageSection>
  );
}
