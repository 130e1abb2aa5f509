// The zones an organizer picks from first when creating an event (any IANA zone is accepted). Apart from ./time so
// that the event form does not load the formatting code with them (ADR 043).
export const commonTimezones = [
  "UTC",
  "Europe/London",
  "Europe/Paris",
  "Europe/Berlin",
  "America/New_York",
  "America/Chicago",
  "America/Los_Angeles",
  "America/Sao_Paulo",
  "Asia/Kolkata",
  "Asia/Singapore",
  "Asia/Tokyo",
  "Australia/Sydney",
] as const;
