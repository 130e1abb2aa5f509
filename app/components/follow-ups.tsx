import { Link } from "~/components/link";
import type { FollowUpAnswer } from "~/modules/follow-ups/follow-ups.server";
import { followUpPath } from "~/modules/follow-ups/words";
import { FollowUpBadge } from "./follow-up-badge";

export type Metric = { metricName: string; metricUnit: string; metricBaseline: string; metricResult: string };

/** One answer: what happened, when and by whom, why, and the metric today. */
export function FollowUpAnswerView({ answer, metric }: { answer: FollowUpAnswer; metric: Pick<Metric, "metricName" | "metricUnit"> }) {
  return (
    <div className="space-y-1">
      <p className="flex flex-wrap items-center gap-2">
        <FollowUpBadge status={answer.status} />
        <span className="text-sm text-slate-700">
          Recorded {answer.recordedOn}
          {answer.recordedBy ? ` by ${answer.recordedBy}` : ""}
        </span>
      </p>
      <p className="whitespace-pre-line">{answer.why}</p>
      {answer.metricValue ? (
        <p className="text-sm text-slate-700">
          <strong>AI metric today:</strong> {metric.metricName ? `${metric.metricName}: ` : ""}
          {answer.metricValue}
          {metric.metricUnit ? ` ${metric.metricUnit}` : ""}
        </p>
      ) : null}
    </div>
  );
}

/** The entry page's "What happened next": the latest answer with its date, and a link to record one for those who may. */
export function FollowUpSection({
  eventSlug,
  entryId,
  latest,
  canRecord,
  metric,
}: {
  eventSlug: string;
  entryId: string;
  latest: FollowUpAnswer | null;
  canRecord: boolean;
  metric: Metric;
}) {
  return (
    <section aria-labelledby="follow-up-h" className="card space-y-3">
      <h2 id="follow-up-h" className="h2">
        What happened next
      </h2>
      {latest ? (
        <FollowUpAnswerView answer={latest} metric={metric} />
      ) : (
        <p className="text-sm text-slate-700">Nobody has recorded yet what became of this entry after the event.</p>
      )}
      {canRecord ? (
        <Link to={followUpPath(eventSlug, entryId)} className="btn-secondary">
          {latest ? "Update what happened" : "Record what happened"}
        </Link>
      ) : null}
    </section>
  );
}
