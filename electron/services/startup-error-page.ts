/**
 * The page shown when TokenTill cannot start (unreadable database, newer schema, data folder not writable, ...).
 * A kiosk has no developer tools: the cause and what to do are on the screen. Pure, so Electron and the
 * browser-mode host show the same page.
 */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

export function startupErrorPage(problem: { code: string; message: string }): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>TokenTill cannot start</title>
<style>body{font:15px system-ui,sans-serif;margin:3rem;color:#222}h1{color:#a40000;font-size:1.4rem}code{background:#f3f3f3;padding:2px 4px}</style>
</head><body><main role="alert">
<h1>TokenTill cannot start</h1>
<p id="startup-problem">${escapeHtml(problem.message)}</p>
<p>Reason code: <code>${escapeHtml(problem.code)}</code>. No sale was lost: nothing was written. Fix the cause, then start TokenTill again.</p>
</main></body></html>`;
}
