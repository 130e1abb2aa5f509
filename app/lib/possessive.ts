/**
 * The possessive of a name as a sentence needs it: "Team Alpha's", and "Ramp Rockets'" for a name ending in s (team
 * names mostly are plurals; "Ramp Rockets's" read as a mistake).
 */
export function possessive(name: string): string {
  return /s$/i.test(name.trim()) ? `${name}'` : `${name}'s`;
}
