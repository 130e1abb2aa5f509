// Every scheduled task of the product, in one list; the module that owns a kind of due work exports its task
// and it is added here (ADR 024).
import { announcementTask } from "~/modules/announcements/announcements.server";
import { followUpAskTask } from "~/modules/follow-ups/follow-ups.server";
import { deadlineReminderTask, judgeReminderTask } from "~/modules/reminders/reminders.server";
import { registerTask, type ScheduledTask } from "./scheduler.server";

const allTasks: ScheduledTask[] = [deadlineReminderTask, judgeReminderTask, announcementTask, followUpAskTask];

export function registerAllTasks(): void {
  allTasks.forEach(registerTask);
}
