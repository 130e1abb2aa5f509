// The people's choice vote box on the entry page (ADR 031); the results' tally is in vote-results.tsx, so
// each page loads only its own.
import { Form, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link";
import { YourVoteBadge } from "~/components/badges";
import type { VoteBoxState } from "~/modules/peoples-choice/rules";

type MyVote = { entryId: string; title: string } | null;

/** The entry page's box: where the vote stands, and the button, the "Your vote" state or why not. A plain form post. */
export function VoteBox({ slug, vote, error }: { slug: string; vote: { sentence: string | null; myVote: MyVote; box: VoteBoxState }; error?: string | null }) {
  const navigation = useNavigation();
  // Through the page read again too: a second press in between would answer "no vote to withdraw".
  const voting = navigation.state !== "idle" && navigation.formData?.get("intent") === "vote";
  const withdrawing = navigation.state !== "idle" && navigation.formData?.get("intent") === "withdraw-vote";
  const { box, myVote } = vote;
  if (box.kind === "hidden") return null;
  return (
    <section aria-labelledby="vote-h" className="card space-y-3">
      <h2 id="vote-h" className="h2">
        People's choice
      </h2>
      {vote.sentence ? <p className="text-sm text-slate-700">{vote.sentence}</p> : null}
      {box.kind === "your-vote" ? (
        <Form method="post" className="space-y-2" aria-describedby={error ? "vote-error" : undefined}>
          <p className="flex flex-wrap items-center gap-2 text-sm">
            <YourVoteBadge />
            <span>You voted for this entry. To change your vote, open another entry and vote for it there.</span>
          </p>
          <button type="submit" name="intent" value="withdraw-vote" className="btn-secondary" disabled={withdrawing}>
            {withdrawing ? "Withdrawing your vote…" : "Withdraw my vote"}
          </button>
        </Form>
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
      {box.kind === "closed" && box.yourVoteHere ? (
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <YourVoteBadge />
          <span>You voted for this entry.</span>
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
