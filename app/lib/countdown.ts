// A countdown's words. Apart from the time formatting in time.ts: the countdown ticks in the browser, and a page
// that shows one need not load the formatters too (ADR 043).

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;

/** How long is left, in its two largest units ("2 days 3 hours", "12 minutes 5 seconds"); for a countdown that ticks. */
export function countdownText(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const [days, hours, minutes, seconds] = [Math.floor(total / 86_400), Math.floor(total / 3600) % 24, Math.floor(total / 60) % 60, total % 60];
  if (days > 0) return `${plural(days, "day")} ${plural(hours, "hour")}`;
  if (hours > 0) return `${plural(hours, "hour")} ${plural(minutes, "minute")}`;
  if (minutes > 0) return `${plural(minutes, "minute")} ${plural(seconds, "second")}`;
  return plural(seconds, "second");
}
