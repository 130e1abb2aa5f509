import { Field, TextareaField, type Meta } from "~/components/forms";
import { problemFieldLabels, type ProblemField } from "~/modules/problems/fields";

type ProblemFieldsMeta = Record<ProblemField, Meta>;

/** The problem form's fields, shared by "Add a problem" and "Edit problem". */
export function ProblemFields({ fields }: { fields: ProblemFieldsMeta }) {
  return (
    <>
      <Field label={problemFieldLabels.title} meta={fields.title} />
      <TextareaField label={problemFieldLabels.summary} meta={fields.summary} rows={3} />
      <Field label={problemFieldLabels.whoHasIt} meta={fields.whoHasIt} hint="A team or role, e.g. Tier-1 support agents." />
      <TextareaField label={problemFieldLabels.costToday} meta={fields.costToday} rows={2} hint="Hours, money, customers lost: be concrete." />
      <TextareaField label={problemFieldLabels.dataAvailable} meta={fields.dataAvailable} rows={3} />
      <TextareaField label={problemFieldLabels.constraints} meta={fields.constraints} rows={2} />
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="label mb-2">Suggested AI metric</legend>
        <Field label={problemFieldLabels.metricName} meta={fields.metricName} />
        <Field label={problemFieldLabels.metricUnit} meta={fields.metricUnit} />
        <Field label={problemFieldLabels.metricBaseline} meta={fields.metricBaseline} />
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="label mb-2">Problem owner: who answers teams' questions</legend>
        <Field label={problemFieldLabels.ownerName} meta={fields.ownerName} />
        <Field label={problemFieldLabels.ownerEmail} meta={fields.ownerEmail} type="email" autoComplete="off" />
      </fieldset>
    </>
  );
}
