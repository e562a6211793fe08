import { z } from '../../../shared/zod';
import { stringOption, type OptionValues } from './command';
import type { CliContext } from './context';
import { CliError, describeError, googleError, UsageError } from './errors';
import type { GoogleConnection } from './google-clients';

// Running a function of the CIL Hub Apps Script project through the Apps Script API's scripts.run
// (developers.google.com/apps-script/api/reference/rest/v1/scripts/run), as `cil provision` and
// `cil rollup` do. Google answers an Operation: the function's result, or the error it threw (a script
// error, which is the function's to explain); a refusal of the call itself is an HTTP error, which
// would be the same for any function, so the command stops there.

/** The --script option's lines in a command's help. */
export const SCRIPT_OPTION_HELP = `  --script ID        the Deployment ID of the CIL Hub project's API executable deployment
                     (Apps Script editor › Deploy › Manage deployments), also CIL_SCRIPT_ID`;

/** The deployment to run: --script, else CIL_SCRIPT_ID. */
export function deploymentIdOf(values: OptionValues, ctx: CliContext): string | undefined {
  return stringOption(values, 'script') ?? (ctx.env.CIL_SCRIPT_ID || undefined);
}

export function missingDeploymentId(command: string): UsageError {
  return new UsageError(`cil ${command} needs --script ID (or CIL_SCRIPT_ID), the Deployment ID of the CIL Hub project's API executable deployment.`);
}

/** The Operation scripts.run answers. */
const operation = z.object({
  done: z.boolean().optional(),
  response: z.object({ result: z.unknown().optional() }).optional(),
  error: z
    .object({
      message: z.string().optional(),
      details: z.array(z.object({ errorMessage: z.string().optional() })).optional(),
    })
    .optional(),
});

const RUN_HINTS: Record<number, string> = {
  401: 'the sign-in is no longer valid: run `cil login --admin` again',
  403:
    "the signed-in account may not run the script (its API executable deployment runs for the account that deployed it alone), or the sign-in lacks a permission the script uses (run `cil login --admin`), or the OAuth client's Google Cloud project is not the script's, or the Apps Script API is off in that project; see the README's provision section",
  404: "check that --script is the Deployment ID of the project's API executable deployment (Deploy › Manage deployments), not the script ID, and that this deployment still exists",
};

/** scripts.run itself failed (a refusal or no answer at all), whatever the function. */
export class RunRefused extends CliError {}

function refusalOf(functionName: string, error: unknown): RunRefused {
  const google = googleError(error);
  if (!google) return new RunRefused(describeError(error));
  const hint = RUN_HINTS[google.status];
  return new RunRefused(
    `The Apps Script API refused to run ${functionName} (${google.status}${google.reason ? ` ${google.reason}` : ''}: ${google.message})${hint ? `; ${hint}` : ''}.`,
  );
}

export type ScriptRun<T> =
  /** `raw` is the result as the script returned it; `result` the same, checked. */
  | { ok: true; result: T; raw: unknown }
  /** The script threw (its error message), or answered what this cil cannot read. */
  | { ok: false; problem: string };

/**
 * Runs `functionName(...parameters)` in the deployment and checks its result against `schema` (it
 * crossed a network, and the deployment may run another version of CIL Hub). Throws RunRefused when
 * scripts.run itself is refused. Retried on 429 and 5xx like every request, so only for functions
 * that are idempotent, as every entry point the CLI calls is.
 */
export async function runScriptFunction<T>(
  connection: GoogleConnection,
  deploymentId: string,
  functionName: string,
  parameters: unknown[],
  schema: z.ZodType<T>,
): Promise<ScriptRun<T>> {
  let data: unknown;
  try {
    ({ data } = await connection.send(() =>
      connection.script.scripts.run({ scriptId: deploymentId, requestBody: { function: functionName, parameters, devMode: false } }),
    ));
  } catch (error) {
    throw refusalOf(functionName, error);
  }
  const answered = operation.safeParse(data);
  if (!answered.success || answered.data.done !== true) return { ok: false, problem: 'the Apps Script API did not answer with a finished run; try again' };
  const { error, response } = answered.data;
  if (error) return { ok: false, problem: error.details?.[0]?.errorMessage ?? error.message ?? 'the script failed without saying why' };
  const result = schema.safeParse(response?.result);
  if (!result.success) {
    return { ok: false, problem: `${functionName} answered something this cil cannot read: is the deployment an older version of CIL Hub? Deploy the current one` };
  }
  return { ok: true, result: result.data, raw: response?.result };
}
