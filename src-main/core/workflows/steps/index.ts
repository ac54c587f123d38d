import type { AnyStepDefinition } from '../step';
import { httpRequestStep } from './http-request';
import { conditionStep } from './condition';
import { transformStep } from './transform';
import { delayStep } from './delay';
import { approvalStep } from './approval';
import { notifyFounderStep } from './notify-founder';
import { logStep } from './log';
import { workflowRunStep } from './workflow-run';
import { backupRunStep } from './backup-run';
import { backupCheckStep } from './backup-check';
import { leadUpdateStep } from './lead-update';
import { stripePaymentLinkStep } from './stripe-payment-link';
import { aiGenerateStep } from './ai-generate';
import { contentGenerateStep } from './content-generate';
import { contentPublishStep } from './content-publish';
import { telegramSendStep } from './telegram-send';
import { slackSendStep } from './slack-send';
import { stripeLookupStep } from './stripe-lookup';
import { productCompileStep } from './product-compile';
import { emailSendStep } from './email-send';

/** The step library. Adding a step type = one file beside this one and one line here. */
export const builtInSteps: readonly AnyStepDefinition[] = [
  httpRequestStep,
  conditionStep,
  transformStep,
  delayStep,
  approvalStep,
  notifyFounderStep,
  logStep,
  workflowRunStep,
  backupRunStep,
  backupCheckStep,
  leadUpdateStep,
  stripePaymentLinkStep,
  aiGenerateStep,
  contentGenerateStep,
  telegramSendStep,
  slackSendStep,
  stripeLookupStep,
  productCompileStep,
  emailSendStep,
  contentPublishStep,
];
