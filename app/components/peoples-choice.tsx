// The people's choice vote on the pages (ADR 031): the entry page's vote box and the results' tally.
import { Form, Link, useNavigation } from "@remix-run/react";
import { YourVoteBadge } from "~/components/badges";
import type { Tally, VoteBoxState } from "~/modules/peoples-choice/rules";

type MyVote = { entryId: string; title: string } | null;

/** The entry page's box: where the vote stands, and the button, the "Your vote" state or why not. A plain form post. */
export function VoteBox({ slug, vote, error }: { slug: string; vote: { sentence: string | null; myVote: MyVote; box: VoteBoxState }; error?: string | null }) {
  const navigation = useNavigation();
  const voting = navigation.state === "submitting" && navigation.formData?.get("intent") === "vote";
  const { box, myVote } = vote;
  if (box.kind === "hidden") return null;
  return (
    <section aria-labelledby="vote-h" className="card space-y-3">
      <h2 id="vote-h" className="h2">
        People's choice
      </h2>
      {vote.sentence ? <p className="text-sm text-slate-700">{vote.sentence}</p> : null}
      {box.kind === "your-vote" ? (
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <YourVoteBadge />
          <span>You voted for this entry. To change your vote, open another entry and vote for it there.</span>
        </p>
      ) : null}
      {box.kind === "can-vote" ? (
        <Form method="post" className="space-y-2" aria-describedby={error ? "vote-error" : undefined}>
          {box.changing && myVote ? (
            <p className="text-sm">
              Your vote is for <Link to={`/events/${slug}/entries/${myVote.entryId}`}>{myVote.title}</Link>. Voting here moves your one vote to this entry.
            </p>
          ) : null}
          <button type="submit" name="intent" value="vote" className="btn-primary" disabled={voting}>
            {voting ? "Saving your vote…" : box.changing ? "Vote for this entry instead" : "Vote for this entry"}
          </button>
        </Form>
      ) : null}
      {box.kind === "refused" ? (
        <p className="text-sm text-slate-700">
          {box.yourVoteHere ? (
            <span className="mr-2">
              <YourVoteBadge />
            </span>
          ) : null}
          {box.reason}
        </p>
      ) : null}
      {error ? (
        <p id="vote-error" role="alert" className="field-error">
          {error}
        </p>
      ) : null}
    </section>
  );
}

/** The results page's section: the tally and the award once published, or that the counts are hidden. */
export function VoteResults({
  slug,
  section,
}: {
  slug: string;
  section:
    | { hidden: string; sentence: string | null }
    | {
        hidden: null;
        tally: Tally;
        tied: string[];
        award: { name: string; entryId: string | null; entryTitle: string | null } | null;
      };
}) {
  return (
    <section aria-labelledby="peoples-choice-h" className="card space-y-3">
      <h2 id="peoples-choice-h" className="h2">
        People's choice
      </h2>
      {section.hidden !== null ? (
        <>
          <p className="text-sm">{section.hidden}</p>
          {section.sentence ? <p className="text-sm text-slate-700">{section.sentence}</p> : null}
        </>
      ) : (
        <>
          <p className="text-sm">
            {section.tally.total === 0
              ? "Nobody voted."
              : section.tied.length
                ? `A tie between ${section.tied.map((t) => `“${t}”`).join(" and ")}: the award was not given by the vote. The organizers decide it.`
                : section.award?.entryId
                  ? `${section.award.name}: “${section.award.entryTitle}”, the entry most people voted for.`
                  : "The entry most people voted for is first below."}{" "}
            {section.tally.total === 1 ? "1 vote" : `${section.tally.total} votes`} in all.
          </p>
          <table className="w-full text-left text-sm">
            <caption className="sr-only">People's choice votes per entry</caption>
            <thead>
              <tr className="border-b border-slate-200">
                <th scope="col" className="py-1 pr-3">
                  Rank
                </th>
                <th scope="col" className="py-1 pr-3">
                  Entry
                </th>
                <th scope="col" className="py-1 text-right">
                  Votes
                </th>
              </tr>
            </thead>
            <tbody>
              {section.tally.rows.map((r) => (
                <tr key={r.entryId} className="border-b border-slate-100">
                  <td className="py-1 pr-3">{r.rank}</td>
                  <td className="py-1 pr-3 [overflow-wrap:anywhere]">
                    <Link to={`/events/${slug}/entries/${r.entryId}`}>{r.title}</Link>
                  </td>
                  <td className="py-1 text-right tabular-nums">{r.votes}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
