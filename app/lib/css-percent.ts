/**
 * A share (0..1, clamped) as a CSS percentage to a tenth of a percent, for bars drawn by width or a custom property:
 * "33.3%", not "33.33333333333333%" (nor "84.00000000000001%" for 4.2 of 5). Not a number (a share of nothing) is 0%.
 */
export function cssPercent(share: number): string {
  if (!(share > 0)) return "0%";
  return `${Math.round(Math.min(1, share) * 1000) / 10}%`;
}
