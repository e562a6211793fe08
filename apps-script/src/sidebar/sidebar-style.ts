// One look for every CIL Hub sidebar (Sheets' own font and colours), so a lead moving from one to the
// next sees the same page; each sidebar adds only what is its own.

/** Text, hints, and a status line that turns red on a problem and green when done. */
export const SIDEBAR_STYLE = `
body { font-family: Arial, sans-serif; font-size: 13px; color: #202124; margin: 12px; }
.hint { color: #5f6368; font-weight: normal; }
.error, .status.error, #status.error { color: #c5221f; }
.status.done, #status.done { color: #188038; }
`;

/** Forms: a bold label above each full-width field, checkboxes inline, the status under the button. */
export const FORM_STYLE = `${SIDEBAR_STYLE}
label { display: block; margin-top: 10px; font-weight: bold; }
input, select, textarea { width: 100%; box-sizing: border-box; margin-top: 4px; padding: 4px; font: inherit; }
label.check { font-weight: normal; }
label.check input { width: auto; margin-right: 6px; }
button { margin-top: 14px; }
#status { margin-top: 12px; white-space: pre-wrap; }
`;
