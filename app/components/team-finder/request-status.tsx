import { statusWords, type JoinRequestStatus } from "~/modules/teams/join-requests";

const style: Record<JoinRequestStatus, string> = {
  pending: "bg-amber-100 text-amber-900",
  accepted: "bg-emerald-100 text-emerald-900",
  declined: "bg-rose-100 text-rose-900",
  withdrawn: "bg-slate-200 text-slate-800",
};

/** A request's state as a badge, the same words for the asker and the lead. */
export function RequestStatus({ status }: { status: JoinRequestStatus }) {
  return <span className={`status-pill ${style[status]}`}>{statusWords[status].label}</span>;
}
