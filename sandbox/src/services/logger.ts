import { format } from 'node:util';
import type { ExecutionContext } from '../execution';

// Logger (developers.google.com/apps-script/reference/base/logger) and console
// (…/guides/logging): both write to the execution's log (`state.logs`). Logger also keeps its own
// text for getLog(), each line stamped with the time in the script's time zone as Apps Script does.

/** A logged value as text: strings as they are, plain data as JSON, anything else as String() gives it. */
function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toString();
  if (Array.isArray(value) || (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype)) {
    return JSON.stringify(value);
  }
  return String(value);
}

/** Logger.log's formatting: each %s in the format takes the next value. */
function formatted(data: unknown, values: unknown[]): string {
  if (values.length === 0) return asText(data);
  let next = 0;
  return asText(data).replace(/%s/g, (placeholder) => (next < values.length ? asText(values[next++]) : placeholder));
}

/** `[yy-MM-dd HH:mm:ss:SSS zone]`, the stamp getLog() puts before each line. */
function stamp(at: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: '2-digit',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZoneName: 'short',
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  const millis = String(at.getUTCMilliseconds()).padStart(3, '0');
  return `[${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}:${millis} ${parts.timeZoneName}]`;
}

export class Logger {
  readonly #ctx: ExecutionContext;
  #lines: string[] = [];

  constructor(ctx: ExecutionContext) {
    this.#ctx = ctx;
  }

  log(data: unknown, ...values: unknown[]): this {
    const message = formatted(data, values);
    this.#lines.push(`${stamp(this.#ctx.now(), this.#ctx.state.scriptTimeZone)} ${message}`);
    this.#ctx.log('log', message);
    return this;
  }

  getLog(): string {
    return this.#lines.map((line) => `${line}\n`).join('');
  }

  clear(): void {
    this.#lines = [];
  }
}

export function createLogger(ctx: ExecutionContext): Logger {
  return new Logger(ctx);
}

/** The `console` global: Node-style formatting (%s, %d, %o…), each call one entry in the execution log. */
export function createConsole(ctx: ExecutionContext) {
  return {
    log: (...args: unknown[]) => ctx.log('log', format(...args)),
    info: (...args: unknown[]) => ctx.log('info', format(...args)),
    warn: (...args: unknown[]) => ctx.log('warn', format(...args)),
    error: (...args: unknown[]) => ctx.log('error', format(...args)),
  };
}
