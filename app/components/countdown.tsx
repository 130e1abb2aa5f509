import { useEffect, useState } from "react";
import { countdownText } from "~/lib/countdown";

/**
 * "Submissions close in 2 days 3 hours", ticking each second with JavaScript; without it, the text as the
 * server rendered it. A timer role: screen readers read it when asked, not at every tick.
 */
export function Countdown({ label, at, now }: { label: string; at: string; now: string }) {
  const target = new Date(at).getTime();
  // The first render uses the server's clock, so the page hydrates without a mismatch; then the browser's.
  const [left, setLeft] = useState(target - new Date(now).getTime());
  useEffect(() => {
    const tick = () => setLeft(target - Date.now());
    tick();
    const timer = window.setInterval(tick, 1000);
    return () => window.clearInterval(timer);
  }, [target]);
  return (
    // The whole sentence is the timer, so a screen reader reads what counts down and how long is left.
    <p role="timer" className="mt-3 inline-flex flex-wrap items-baseline gap-x-2 rounded-md bg-brand-50 px-3 py-1.5 text-sm text-brand-900">
      <span className="font-semibold">{label} in</span>{" "}
      <time dateTime={at} className="tabular-nums">
        {left > 0 ? countdownText(left) : "no time: reload the page for the latest"}
      </time>
    </p>
  );
}
