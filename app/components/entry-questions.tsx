import { Field, SelectField, TextareaField, type Meta } from "~/components/forms";
import type { Question } from "~/modules/entries/questions";
import { yesNoLabels } from "~/modules/entries/labels";

const optional = <span className="font-normal text-slate-600">(optional)</span>;

/**
 * One field per custom question, in the organizers' order: text, long text or a list to pick from. Only events that
 * ask questions show them, so the entry form's page downloads this after its own code (ADR 058).
 */
export function QuestionFields({ questions, answers }: { questions: Question[]; answers: Record<string, Meta> }) {
  return questions.map((q) => {
    const meta = answers[q.id];
    const label = q.required ? (
      q.label
    ) : (
      <>
        {q.label} {optional}
      </>
    );
    if (q.kind === "long-text") return <TextareaField key={q.id} label={label} meta={meta} />;
    if (q.kind === "short-text") return <Field key={q.id} label={label} meta={meta} />;
    const options =
      q.kind === "yes-no" ? (["yes", "no"] as const).map((v) => ({ value: v, label: yesNoLabels[v] })) : q.options.map((o) => ({ value: o, label: o }));
    return <SelectField key={q.id} label={label} meta={meta} placeholder="Pick an answer…" options={options} />;
  });
}
