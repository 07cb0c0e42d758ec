// The managed login page the emulator serves: a plain HTML form that POSTs to /login. No script at all, one
// stylesheet allowed by its hash, every dynamic value escaped, so it works under any CSP and renders hostile
// parameters as text.
import { createHash } from 'node:crypto';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"'`]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' })[c] ?? c);

const STYLE = `
body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f4f5f7;color:#16191f}
main{max-width:24rem;margin:3rem auto;padding:1.5rem 2rem;background:#fff;border:1px solid #d1d5db;border-radius:8px}
.banner{background:#fff4ce;border:1px solid #b58100;padding:.5rem .75rem;border-radius:4px;font-size:.9rem}
label{display:block;margin-top:1rem;font-weight:600}
input[type=text],input[type=password]{width:100%;box-sizing:border-box;padding:.5rem;font:inherit;border:1px solid #6b7280;border-radius:4px}
button{margin-top:1.5rem;width:100%;padding:.6rem;font:inherit;font-weight:600;background:#0b5cad;color:#fff;border:0;border-radius:4px}
.error{color:#b00020;background:#fdecee;border:1px solid #b00020;padding:.5rem .75rem;border-radius:4px;margin-top:1rem}
`;
const STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

export type LoginPageInput = {
  /** The authorize parameters, carried through the form as hidden fields. */
  params: URLSearchParams;
  username?: string;
  error?: string;
  userPoolId: string;
};

export function loginPage(p: LoginPageInput): string {
  const hidden = [...p.params]
    .filter(([k]) => k !== 'username' && k !== 'password')
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join('\n      ');
  return page('Sign in', `
    <p class="banner" role="note"><strong>Local emulator.</strong> This sign-in page is served by the Greenroom
      emulator on your machine, not by Amazon Cognito. Use a demo user printed by <code>npm start</code>.</p>
    <h1>Sign in</h1>
    <p>User pool <code>${escapeHtml(p.userPoolId)}</code></p>
    ${p.error ? `<p class="error" role="alert" id="login-error">${escapeHtml(p.error)}</p>` : ''}
    <form method="post" action="/login" autocomplete="on">
      ${hidden}
      <label for="username">Username</label>
      <input type="text" id="username" name="username" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${escapeHtml(p.username ?? '')}"${p.error ? ' aria-describedby="login-error"' : ''}>
      <label for="password">Password</label>
      <input type="password" id="password" name="password" autocomplete="current-password" required>
      <button type="submit">Sign in</button>
    </form>`);
}

export function errorPage(message: string): string {
  return page('Sign-in error', `
    <p class="banner" role="note"><strong>Local emulator.</strong> Served by the Greenroom emulator, not by Amazon Cognito.</p>
    <h1>An error was encountered with the requested page.</h1>
    <p class="error" role="alert">${escapeHtml(message)}</p>`);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <title>${escapeHtml(title)} · Greenroom local emulator</title>
  <style>${STYLE}</style>
</head>
<body>
  <main>${body}
  </main>
</body>
</html>
`;
}

/**
 * Headers of every HTML page. `formTargets` are origins the form's POST may end up at: browsers apply form-action
 * to the redirect after the POST, so the callback's origin must be listed beside 'self'.
 */
export function pageHeaders(formTargets: string[] = []): Record<string, string> {
  const targets = ["'self'", ...formTargets].join(' ');
  return {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': `default-src 'none'; style-src ${STYLE_HASH}; form-action ${targets}; frame-ancestors 'none'; base-uri 'none'`,
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
}
