// Errors as a person at the command line reads them: one line saying what went wrong and what to do.
// A stack trace helps only whoever debugs the CLI itself, so it is printed with --debug alone.

/** A failure the CLI foresaw, with the message to print as it is. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
    /** Lines printed after the message, e.g. the rows a restore refused to overwrite. */
    readonly details: readonly string[] = [],
  ) {
    super(message);
  }
}

/** A command line that does not parse: exit status 2, as for any Unix tool. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, 2);
  }
}

interface GoogleErrorBody {
  error?: { code?: number; status?: string; message?: string };
}

/** What Google answered to a request that failed at HTTP level, or null for any other error. */
export function googleError(error: unknown): { status: number; reason: string; message: string; url: string } | null {
  const response = (error as { response?: { status?: unknown; data?: unknown; config?: { url?: unknown } } } | null)?.response;
  if (typeof response?.status !== 'number') return null;
  let body = response.data as GoogleErrorBody | string | undefined;
  if (typeof body === 'string') {
    try {
      body = JSON.parse(body) as GoogleErrorBody;
    } catch {
      body = undefined;
    }
  }
  const detail = typeof body === 'object' ? body?.error : undefined;
  return {
    status: response.status,
    reason: detail?.status ?? '',
    message: detail?.message ?? (error as Error).message,
    url: String(response.config?.url ?? ''),
  };
}

const HINTS: Record<number, string> = {
  401: 'the sign-in is no longer valid: run `cil login` again',
  403: 'the signed-in account may not do this: check that it can open the file, and that `cil login` was given every permission it asked for',
  404: 'check the id (the part of the address after /d/ or /folders/) and that the signed-in account can open it',
  429: 'Google kept refusing for want of quota, even after waiting; try again in a few minutes',
};

/** The one line to print for any error. */
export function describeError(error: unknown): string {
  if (error instanceof CliError) return error.message;
  const google = googleError(error);
  if (google) {
    const api = google.url.includes('/drive/') ? 'Google Drive' : 'Google Sheets';
    const hint = HINTS[google.status] ?? (google.status >= 500 ? 'Google failed to answer, even after retrying; try again later' : '');
    return `${api} refused the request (${google.status}${google.reason ? ` ${google.reason}` : ''}: ${google.message})${hint ? `; ${hint}` : ''}.`;
  }
  const code = (error as { code?: unknown; cause?: { code?: unknown } } | null)?.code ?? (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return `Cannot reach the server (${String(code)}): check the network, or the address given to --sandbox.`;
  }
  return error instanceof Error ? error.message : String(error);
}
