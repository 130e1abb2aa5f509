import { Field, TextareaField, type Meta } from "~/components/forms";

type ProblemFieldsMeta = Record<
  | "title"
  | "summary"
  | "whoHasIt"
  | "costToday"
  | "dataAvailable"
  | "constraints"
  | "metricName"
  | "metricUnit"
  | "metricBaseline"
  | "ownerName"
  | "ownerEmail",
  Meta
>;

/** The problem form's fields, shared by "Add a problem" and "Edit problem". */
export function ProblemFields({ fields }: { fields: ProblemFieldsMeta }) {
  return (
    <>
      <Field label="Title" meta={fields.title} />
      <TextareaField label="Summary" meta={fields.summary} rows={3} />
      <Field label="Who has the problem" meta={fields.whoHasIt} hint="A team or role, e.g. Tier-1 support agents." />
      <TextareaField label="What it costs today" meta={fields.costToday} rows={2} hint="Hours, money, customers lost: be concrete." />
      <TextareaField label="Data available" meta={fields.dataAvailable} rows={3} />
      <TextareaField label="Constraints (optional)" meta={fields.constraints} rows={2} />
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="label mb-2">Suggested AI metric</legend>
        <Field label="Metric name" meta={fields.metricName} />
        <Field label="Unit (optional)" meta={fields.metricUnit} />
        <Field label="Baseline (optional)" meta={fields.metricBaseline} />
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="label mb-2">Problem owner: who answers teams' questions</legend>
        <Field label="Owner's name (optional)" meta={fields.ownerName} />
        <Field label="Owner's account email (optional)" meta={fields.ownerEmail} type="email" autoComplete="off" />
      </fieldset>
    </>
  );
}
