export { mailboxAddress, mailFrom, parseSmtpUrl, redactSmtpUrl, type SmtpTarget, smtpUrl } from './config.ts';
export {
  createMailer,
  type MailAttachment,
  MailDeliveryError,
  type Mailer,
  type MailerOptions,
  type OutgoingMail,
} from './mailer.ts';
export { escapeHtml, type MailVars, type RenderedMail, renderMail } from './templates.ts';
