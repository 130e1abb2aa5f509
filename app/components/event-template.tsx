import type { TemplatePreview } from "~/modules/events/templates.server";

/**
 * On the new-event page started from an earlier event: what comes along (ticked problems, rubric, awards,
 * judging settings, description) and what never does. Problems with a working prototype there say so, so the
 * organizer decides whether to offer them again.
 */
export function EventTemplateBox({ template, checked }: { template: TemplatePreview; checked: Set<string> | null }) {
  const s = template.settings;
  const settings = [
    s.judgesPerEntry === null ? "every judge scores every entry" : `${s.judgesPerEntry} ${s.judgesPerEntry === 1 ? "judge" : "judges"} per entry`,
    s.blindJudging ? "blind judging" : null,
    s.normalizeScores ? "normalized ranking official" : null,
    s.showJudgeNames ? "judge names shown to teams" : null,
  ].filter(Boolean);
  return (
    <section aria-labelledby="template-h" className="card space-y-3">
      <input type="hidden" name="from" value={template.slug} />
      <h2 id="template-h" className="h2">
        Starting from {template.title}
      </h2>
      <p className="text-sm text-slate-700">
        The new event takes its description, rules, time zone and team size (below, to change), its rubric ({template.criteria.length}{" "}
        {template.criteria.length === 1 ? "criterion" : "criteria"}: {template.criteria.map((c) => `${c.name} ${c.weight}%`).join(", ")}; scale 1–
        {template.scaleMax}), {template.awards.length ? `its awards (${template.awards.join(", ")}), ` : ""}
        {template.questions.length ? `its submission questions (${template.questions.map((q) => `“${q}”`).join(", ")}), ` : ""}and its judging settings (
        {settings.join(", ")}). Never its teams, entries, scores, judges or results
        {template.hadPeoplesChoice ? ", nor its People's choice vote: turning the vote on for the new event adds that award again" : ""}.
      </p>
      {template.problems.length ? (
        <fieldset>
          <legend className="font-semibold">Problems to copy</legend>
          <ul className="mt-2 space-y-2">
            {template.problems.map((p) => (
              <li key={p.id} className="flex items-start gap-3">
                <input
                  type="checkbox"
                  name="problemIds"
                  value={p.id}
                  id={`template-${p.id}`}
                  defaultChecked={checked ? checked.has(p.id) : true}
                  className="mt-1 h-4 w-4"
                />
                <div>
                  <label htmlFor={`template-${p.id}`}>{p.title}</label>
                  <p className="text-xs text-slate-600">
                    {/* What the teams say of their entries, not a judgement: the event may not be judged yet. */}
                    {p.workingCount === 0
                      ? `No working prototype yet: ${p.teamCount} ${p.teamCount === 1 ? "team" : "teams"} tried`
                      : `${p.workingCount} working ${p.workingCount === 1 ? "prototype" : "prototypes"} submitted`}
                  </p>
                </div>
              </li>
            ))}
          </ul>
        </fieldset>
      ) : (
        <p className="text-sm text-slate-700">It has no problems to copy.</p>
      )}
    </section>
  );
}
