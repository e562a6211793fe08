import { z } from '../zod';

/** Every way a request can fail, as the `code` of an error response. */
export const API_ERROR_CODES = [
  'malformed_json',
  'invalid_request',
  'unsupported_version',
  'unknown_op',
  'missing_token',
  'unknown_token',
  'revoked_token',
  'wrong_cil',
  'body_too_large',
  'too_many_entries',
  'lock_timeout',
  'internal',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

interface ErrorText {
  message: string;
  /** Sending the same request again later may succeed. */
  retryable: boolean;
}

/** The default message of each code, written for the volunteer who sees it in the extension. */
export const API_ERRORS: Record<ApiErrorCode, ErrorText> = {
  malformed_json: {
    message: 'The request was not valid JSON. Update the CIL Hub extension; if it keeps happening, tell your CIL lead.',
    retryable: false,
  },
  invalid_request: {
    message: 'The request was not in the form CIL Hub expects. Update the CIL Hub extension; if it keeps happening, tell your CIL lead.',
    retryable: false,
  },
  unsupported_version: {
    message: 'The extension and your CIL\'s CIL Hub are different versions. Update the CIL Hub extension, or ask your CIL lead to update the web app.',
    retryable: false,
  },
  unknown_op: {
    message: 'Your CIL\'s CIL Hub does not know this request. Ask your CIL lead to update the web app.',
    retryable: false,
  },
  missing_token: {
    message: 'The extension is not enrolled. Ask your CIL lead for an enrollment code and enter it in the extension\'s options.',
    retryable: false,
  },
  unknown_token: {
    message: 'Your enrollment code is not recognised. Ask your CIL lead for a new enrollment code and enter it in the extension\'s options.',
    retryable: false,
  },
  revoked_token: {
    message: 'Your enrollment code has been revoked. If you are still volunteering, ask your CIL lead for a new one.',
    retryable: false,
  },
  wrong_cil: {
    message: 'Your enrollment code is for a different CIL than this web app serves. Ask your CIL lead for a new enrollment code.',
    retryable: false,
  },
  body_too_large: {
    message: 'The request was too large. The extension sends it again in smaller batches.',
    retryable: false,
  },
  too_many_entries: {
    message: 'The request had too many entries. The extension sends them again in smaller batches.',
    retryable: false,
  },
  lock_timeout: {
    message: 'CIL Hub is busy saving someone else\'s entries. Yours are kept and will be sent again shortly.',
    retryable: true,
  },
  internal: {
    message: 'Something went wrong in CIL Hub. Your entries are kept and will be sent again; if it keeps happening, tell your CIL lead.',
    retryable: true,
  },
};

export const apiErrorSchema = z.object({
  code: z.enum(API_ERROR_CODES),
  message: z.string(),
  retryable: z.boolean(),
});
export type ApiError = z.output<typeof apiErrorSchema>;

/** An error with its code's default message, or a more specific one that says what to do. */
export function apiError(code: ApiErrorCode, message: string = API_ERRORS[code].message): ApiError {
  return { code, message, retryable: API_ERRORS[code].retryable };
}
