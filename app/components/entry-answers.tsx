import type { QuestionKind } from "#db/enums";
import { answerText } from "~/modules/entries/labels";

type AnsweredQuestion = { id: string; kind: QuestionKind; label: string; value: string };

/** An entry's answers to the event's custom questions (ADR 036), question then answer, in the organizers' order. */
export function AnswerList({ answers }: { answers: AnsweredQuestion[] }) {
  return (
    <dl className="space-y-2">
      {answers.map((a) => (
        <div key={a.id}>
          <dt className="font-semibold [overflow-wrap:anywhere]">{a.label}</dt>
          <dd className="whitespace-pre-line [overflow-wrap:anywhere]">{answerText(a, a.value)}</dd>
        </div>
      ))}
    </dl>
  );
}
