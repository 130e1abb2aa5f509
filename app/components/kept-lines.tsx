/**
 * What a refused form held, as lines to copy (app/lib/kept.ts), for when the page read again no longer shows that
 * form: `refused`, why nothing was saved, when the page does not say it already.
 */
export function KeptLines({ lines, refused }: { lines: readonly string[]; refused?: string }) {
  if (!lines.length && !refused) return null;
  return (
    <div className="mt-4 rounded-md bg-amber-50 p-3 text-sm text-amber-900">
      {refused ? <p>{refused}</p> : null}
      {lines.length ? (
        <>
          <p className="font-semibold">Nothing you sent was saved. What you sent, to copy:</p>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {lines.map((line, i) => (
              <li key={i} className="whitespace-pre-wrap">
                {line}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
