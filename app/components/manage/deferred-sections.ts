// The Manage page's sections other than its header and phase controls, in one chunk the browser downloads after the
// page's own code (ADR 043): the server renders them in place, so they show at once and their forms work before it
// has arrived.
export { DashboardSection } from "./dashboard-section";
export { JudgesSection } from "./judges-section";
export { OrganizersSection } from "./organizers-section";
export { PhaseExtras } from "./phase-extras";
export { ProblemsSection } from "./problems-section";
export { QuestionsSection } from "./questions-section";
export { RubricSection } from "./rubric-section";
export { TeamsSection } from "./teams-section";
