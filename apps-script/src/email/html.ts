// The escaper moved to html/escape.ts, shared by emails and sidebars; enrollment-email.ts still imports it from here.
export { Html, html, escapeHtml } from '../html/escape';
