/** The invitation email of a survey: a short text with the personal link and an unsubscribe link. */
import { escapeHtml } from '../../http/html.ts';
import type { ContactRow } from '../contacts/contacts.repository.ts';
import type { SurveyRow } from './surveys.repository.ts';

export function surveyEmail(m: { survey: SurveyRow; contact: ContactRow; url: string; unsubscribe: string }) {
  const name = m.contact.firstName || m.contact.name || '';
  const subject = m.survey.name;
  const intro = m.survey.description || 'We would value your opinion. It takes a minute.';
  const text = `${name ? `Hello ${name},\n\n` : ''}${intro}\n\n${m.url}\n\nNo more surveys: ${m.unsubscribe}\n`;
  const html = `${name ? `<p>Hello ${escapeHtml(name)},</p>` : ''}<p>${escapeHtml(intro)}</p><p><a href="${escapeHtml(m.url)}">${escapeHtml(
    m.survey.name,
  )}</a></p><p><small><a href="${escapeHtml(m.unsubscribe)}">No more surveys</a></small></p>`;
  return { subject, text, html };
}
