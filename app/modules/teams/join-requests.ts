// Join requests' pure rules (ADR 032): who may make which move on a request, from which status, and the
// "again only once" rule. The SQL statements in join-requests.server.ts carry the same statuses in their WHERE
// (from `movesFrom`), so a request that changed meanwhile is refused by the statement itself.
import type { JoinRequestStatus } from "#db/enums";

export type { JoinRequestStatus };

/** A person asks one team at most twice: a declined or withdrawn request can be made again only once. */
export const MAX_ASKS = 2;

export type JoinRequestState = { status: JoinRequestStatus; asks: number };
export type JoinRequestMove = "ask" | "accept" | "decline" | "withdraw";
type JoinRequestSide = "asker" | "lead";

/** Who makes each move: the person asking, or the team's lead. */
const sideOf: Record<JoinRequestMove, JoinRequestSide> = { ask: "asker", withdraw: "asker", accept: "lead", decline: "lead" };

/** Where each move leads. */
const statusAfter: Record<JoinRequestMove, JoinRequestStatus> = { ask: "pending", accept: "accepted", decline: "declined", withdraw: "withdrawn" };

/** The statuses each move starts from; asking the first time starts from no request at all. */
export const movesFrom: Record<JoinRequestMove, readonly JoinRequestStatus[]> = {
  ask: ["declined", "withdrawn"],
  accept: ["pending"],
  decline: ["pending"],
  withdraw: ["pending"],
};

/** What each status says, to the asker and to the lead. */
export const statusWords: Record<JoinRequestStatus, { label: string; asker: string; lead: string }> = {
  pending: { label: "Pending", asker: "Waiting for the lead's answer.", lead: "Waiting for your answer." },
  accepted: { label: "Accepted", asker: "The lead accepted: you are in the team.", lead: "You accepted: they are in the team." },
  declined: { label: "Declined", asker: "The lead declined.", lead: "You declined." },
  withdrawn: { label: "Withdrawn", asker: "You withdrew the request.", lead: "They withdrew the request." },
};

/**
 * Why `side` may not make `move` on a request in `state` (null: no request yet), or null when it may.
 * The reasons are shown as they are, next to the button that asked.
 */
export function moveRefusal(state: JoinRequestState | null, move: JoinRequestMove, side: JoinRequestSide): string | null {
  if (sideOf[move] !== side) return side === "lead" ? "Only the person who asked can do that." : "Only the team lead can answer a request to join.";
  if (move === "ask") {
    if (!state) return null;
    if (state.status === "pending") return "You already asked this team. Wait for the lead's answer, or withdraw the request.";
    if (state.status === "accepted") return "The lead already accepted your request.";
    if (state.asks >= MAX_ASKS) return "You asked this team twice already: a declined or withdrawn request can be made again only once.";
    return null;
  }
  if (!state) return "There is no such request.";
  if (!movesFrom[move].includes(state.status)) return `This request is no longer pending: it was ${statusWords[state.status].label.toLowerCase()}.`;
  return null;
}

/** The state after a move the rules allow (the state itself when they do not). */
export function afterMove(state: JoinRequestState | null, move: JoinRequestMove, side: JoinRequestSide): JoinRequestState | null {
  if (moveRefusal(state, move, side) !== null) return state;
  if (move === "ask") return { status: "pending", asks: (state?.asks ?? 0) + 1 };
  return state && { ...state, status: statusAfter[move] };
}

/** Whether the asker can ask (again) from this state: the page shows "Ask to join" or "Ask again" only then. */
export const canAsk = (state: JoinRequestState | null) => moveRefusal(state, "ask", "asker") === null;

/** Whether a request asked `asks` times may be made again once declined or withdrawn (the confirm steps and notices say). */
export const canAskAfterEnding = (asks: number) => canAsk({ status: "declined", asks });

/**
 * The teams "Teams looking for members" lists: a full team only for its own members and for people with a request
 * to it (whose status it shows), since nobody else can join it.
 */
export function shownOpenTeams<T extends { id: string; memberCount: number }>(
  teams: readonly T[],
  maxTeamSize: number,
  myTeamId: string | null,
  requestedTeamIds: readonly string[],
): T[] {
  return teams.filter((t) => t.memberCount < maxTeamSize || t.id === myTeamId || requestedTeamIds.includes(t.id));
}
