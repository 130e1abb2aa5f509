// Organizers' view of judging: per-judge progress (complete sheets of assigned) and the entries whose sheets are
// missing or incomplete, from judging/sheets.ts.
import type { SheetStatus } from "~/modules/judging/sheets";
import { entryGapLine } from "~/modules/judging/sheets";

export function ScoreSheets({ sheets }: { sheets: SheetStatus }) {
  return (
    <section aria-labelledby="sheets-h" className="mt-4">
      <h3 id="sheets-h" className="text-sm font-semibold">
        Score sheets: {sheets.complete} of {sheets.expected} complete
      </h3>
      {sheets.byJudge.length ? (
        <table className="mt-2 w-full text-left text-sm">
          <caption className="sr-only">Progress per judge</caption>
          <thead>
            <tr className="border-b border-slate-200">
              <th scope="col" className="py-1 pr-3">
                Judge
              </th>
              <th scope="col" className="py-1 pr-3">
                Done
              </th>
              <th scope="col" className="py-1 pr-3">
                Partly scored
              </th>
              <th scope="col" className="py-1">
                Not started
              </th>
            </tr>
          </thead>
          <tbody>
            {sheets.byJudge.map((j) => (
              <tr key={j.id} className="border-b border-slate-100">
                <th scope="row" className="py-1 pr-3 font-normal [overflow-wrap:anywhere]">
                  {j.name}
                </th>
                <td className="py-1 pr-3">
                  {j.done} of {j.assigned}
                </td>
                <td className="py-1 pr-3">{j.incomplete}</td>
                <td className="py-1">{j.missing}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="mt-1 text-sm text-slate-700">No judges yet.</p>
      )}
      {sheets.entriesWithGaps.length ? (
        <>
          <h4 className="mt-3 text-sm font-semibold">Entries with missing or incomplete score sheets ({sheets.entriesWithGaps.length})</h4>
          <ul className="mt-1 list-disc pl-5 text-sm" data-testid="entries-with-gaps">
            {sheets.entriesWithGaps.map((e) => (
              <li key={e.id}>{entryGapLine(e, sheets.criterionCount)}</li>
            ))}
          </ul>
        </>
      ) : sheets.expected > 0 ? (
        <p className="mt-2 text-sm text-slate-700">Every expected score sheet is complete.</p>
      ) : null}
    </section>
  );
}
