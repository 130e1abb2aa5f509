// The organizers' "Remind" button per judge with unfinished score sheets, during judging (ADR 026). The
// server refuses a second reminder to the same judge within the hour; the page says so and when it works again.
import type { SubmissionResult } from "~/lib/form";
import { Form, useNavigation } from "@remix-run/react";
import { FormErrors } from "~/components/forms";

export type ReminderLine = { id: string; name: string; done: number; assigned: number; lastReminded: string | null; remindAgainAt: string | null };
type Last = { intent: string; result: SubmissionResult<string[]> };

/** `judges`: those with score sheets to finish; `nobody`: when there are none, why (reminderList). */
export function ReminderSection({ judges, nobody, last }: { judges: ReminderLine[]; nobody: string | null; last?: Last }) {
  const navigation = useNavigation();
  const pressed = navigation.formData?.get("intent") === "remind-judge" ? navigation.formData.get("judgeId") : null;
  const errors = last?.intent === "remind-judge" ? [...(last.result.error?.[""] ?? []), ...(last.result.error?.judgeId ?? [])] : [];
  return (
    <section id="reminders" aria-labelledby="reminders-h" className="card scroll-mt-4">
      <h2 id="reminders-h" className="h2">
        Remind judges
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        A reminder tells the judge how many score sheets are left and links to their queue, in the app and by email. Each judge can be reminded once an hour.
        Judges are also reminded automatically a day and an hour before judging ends.
      </p>
      <div className="mt-3">
        <FormErrors errors={errors} />
      </div>
      {nobody !== null ? (
        <p className="mt-3 text-sm text-slate-700">{nobody}</p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-100">
          {judges.map((j) => (
            <li key={j.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <div className="min-w-0">
                <p className="font-medium">{j.name}</p>
                <p id={`remind-${j.id}`} className="text-sm text-slate-600">
                  {j.done} of {j.assigned} {j.assigned === 1 ? "sheet" : "sheets"} complete
                  {j.lastReminded ? `; last reminded ${j.lastReminded}` : ""}
                  {j.remindAgainAt ? `; you can remind again from ${j.remindAgainAt}` : ""}
                </p>
              </div>
              <Form method="post">
                <input type="hidden" name="intent" value="remind-judge" />
                <input type="hidden" name="judgeId" value={j.id} />
                <button type="submit" className="btn-secondary" disabled={j.remindAgainAt !== null || pressed === j.id} aria-describedby={`remind-${j.id}`}>
                  {pressed === j.id ? "Sending…" : "Remind"} <span className="sr-only">{j.name}</span>
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
