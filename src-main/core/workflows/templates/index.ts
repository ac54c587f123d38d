import type { WorkflowTemplate } from '../template-service';
import launchDaySequence from './launch-day-sequence.json';
import launchCountdown from './launch-countdown.json';
import priceTestAnnouncement from './price-test-announcement.json';
import compiledProductReady from './compiled-product-ready.json';
import weeklyContentCalendar from './weekly-content-calendar.json';
import contentPublishAt from './content-publish-at.json';
import weeklyBlogReminder from './weekly-blog-reminder.json';
import socialPostApproval from './social-post-approval.json';
import newsletterReminder from './newsletter-reminder.json';
import failedPaymentDunning from './failed-payment-dunning.json';
import churnWinBack from './churn-win-back.json';
import weeklyRevenueReport from './weekly-revenue-report.json';
import abandonedCheckoutFollowUp from './abandoned-checkout-follow-up.json';
import paymentThankYou from './payment-thank-you.json';
import dfyPaidKickoff from './dfy-paid-kickoff.json';
import newLeadWelcome from './new-lead-welcome.json';
import testimonialRequest from './testimonial-request.json';
import leadFollowUp from './lead-follow-up.json';
import newDfyRequestPing from './new-dfy-request-ping.json';
import monitorDownHealing from './monitor-down-healing.json';
import nightlyBackupCheck from './nightly-backup-check.json';
import backupFailedAlert from './backup-failed-alert.json';
import telemetryAnomalyNote from './telemetry-anomaly-note.json';
import siteUptimeCheck from './site-uptime-check.json';
import driveUploadRetry from './drive-upload-retry.json';
import dailyBriefingMorning from './daily-briefing-morning.json';
import dailyBriefingEvening from './daily-briefing-evening.json';
import weeklyBriefing from './weekly-briefing.json';
import dailyBriefingSlack from './daily-briefing-slack.json';
import monitorDownTelegram from './monitor-down-telegram.json';
import approvalsWaitingReminder from './approvals-waiting-reminder.json';
import webhookToFounder from './webhook-to-founder.json';

/** The gallery. Adding a template = one JSON file beside this one and one line here. */
export const workflowTemplates = [
  launchDaySequence,
  launchCountdown,
  priceTestAnnouncement,
  compiledProductReady,
  weeklyContentCalendar,
  contentPublishAt,
  weeklyBlogReminder,
  socialPostApproval,
  newsletterReminder,
  failedPaymentDunning,
  churnWinBack,
  weeklyRevenueReport,
  abandonedCheckoutFollowUp,
  paymentThankYou,
  dfyPaidKickoff,
  newLeadWelcome,
  testimonialRequest,
  leadFollowUp,
  newDfyRequestPing,
  monitorDownHealing,
  nightlyBackupCheck,
  backupFailedAlert,
  telemetryAnomalyNote,
  siteUptimeCheck,
  driveUploadRetry,
  dailyBriefingMorning,
  dailyBriefingEvening,
  weeklyBriefing,
  dailyBriefingSlack,
  monitorDownTelegram,
  approvalsWaitingReminder,
  webhookToFounder,
] as unknown as readonly WorkflowTemplate[];
