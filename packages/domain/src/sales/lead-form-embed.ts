// The code a website pastes to show a lead form: a plain HTML <form> that posts to the public
// endpoint (works without JavaScript), and a variant whose small script posts in the background
// and shows the thank-you message in place.
import type { Language } from '../common.ts';
import { CONSENT_FIELD, HONEYPOT_FIELD, type LeadFormFieldKey, leadFormLabels } from './lead-form.schema.ts';

export type EmbeddableForm = {
  key: string;
  fields: readonly { key: LeadFormFieldKey; required: boolean; label?: string | null | undefined }[];
  consentText?: string | null | undefined;
  consentRequired: boolean;
  language: Language;
};

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const inputType: Partial<Record<LeadFormFieldKey, string>> = { email: 'email', phone: 'tel' };
const autocomplete: Partial<Record<LeadFormFieldKey, string>> = {
  firstName: 'given-name',
  lastName: 'family-name',
  email: 'email',
  phone: 'tel',
  company: 'organization',
  jobTitle: 'organization-title',
  country: 'country',
};

/** The public address a form posts to. */
export function leadFormEndpoint(origin: string, key: string): string {
  return `${origin.replace(/\/+$/, '')}/f/${encodeURIComponent(key)}`;
}

function formHtml(form: EmbeddableForm, endpoint: string, id: string): string {
  const labels = leadFormLabels[form.language];
  const lines = [`<form id="${id}" action="${escapeHtml(endpoint)}" method="post" accept-charset="utf-8">`];
  for (const f of form.fields) {
    const label = escapeHtml(f.label || labels[f.key]);
    const req = f.required ? ' required' : '';
    const ac = autocomplete[f.key] ? ` autocomplete="${autocomplete[f.key]}"` : '';
    const control =
      f.key === 'message'
        ? `<textarea name="message" rows="4" maxlength="5000"${req}></textarea>`
        : `<input type="${inputType[f.key] ?? 'text'}" name="${f.key}"${ac}${req}${
            f.key === 'country' || f.key === 'language' ? ' maxlength="2"' : ''
          }>`;
    lines.push(`  <p><label>${label}${f.required ? ' *' : ''}<br>${control}</label></p>`);
  }
  // Hidden from people (off-screen, out of the tab order), filled in by bots.
  lines.push(
    `  <div style="position:absolute;left:-10000px" aria-hidden="true"><input type="text" name="${HONEYPOT_FIELD}" tabindex="-1" autocomplete="off"></div>`,
  );
  if (form.consentText) {
    lines.push(
      `  <p><label><input type="checkbox" name="${CONSENT_FIELD}" value="on"${form.consentRequired ? ' required' : ''}> ${escapeHtml(form.consentText)}</label></p>`,
    );
  }
  lines.push(`  <p><button type="submit">${escapeHtml(labels.submit)}</button></p>`, '</form>');
  return lines.join('\n');
}

const script = (id: string) =>
  `<script>
(function () {
  var f = document.getElementById(${JSON.stringify(id)});
  if (!f || !window.fetch) return;
  f.addEventListener('submit', function (e) {
    e.preventDefault();
    var b = f.querySelector('button[type=submit]');
    if (b) b.disabled = true;
    fetch(f.action, { method: 'POST', headers: { Accept: 'application/json' }, body: new URLSearchParams(new FormData(f)) })
      .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, j: j }; }); })
      .then(function (res) {
        var p = document.createElement('p');
        if (res.ok) { p.textContent = res.j.data.message; f.replaceWith(p); return; }
        if (b) b.disabled = false;
        p.setAttribute('role', 'alert');
        p.textContent = (res.j.errors || []).map(function (x) { return x.field + ': ' + x.message; }).join('; ') || res.j.detail || 'Error';
        var old = f.querySelector('[role=alert]');
        if (old) old.remove();
        f.appendChild(p);
      })
      .catch(function () { if (b) b.disabled = false; });
  });
})();
</script>`;

/** The two embed variants of a form, for the origin the CRM is reached at. */
export function leadFormEmbed(form: EmbeddableForm, origin: string): { html: string; script: string } {
  const endpoint = leadFormEndpoint(origin, form.key);
  const id = `relata-form-${form.key.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const html = formHtml(form, endpoint, id);
  return { html, script: `${html}\n${script(id)}` };
}
