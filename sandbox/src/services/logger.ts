import { format } from 'node:util';
import { wallClockMillis, zoneNameOf } from '../../../shared/time/zone';
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
  const wall = new Date(wallClockMillis(at, timeZone));
  const two = (n: number) => String(n).padStart(2, '0');
  const date = `${two(wall.getUTCFullYear() % 100)}-${two(wall.getUTCMonth() + 1)}-${two(wall.getUTCDate())}`;
  const time = `${two(wall.getUTCHours())}:${two(wall.getUTCMinutes())}:${two(wall.getUTCSeconds())}`;
  const millis = String(at.getUTCMilliseconds()).padStart(3, '0');
  return `[${date} ${time}:${millis} ${zoneNameOf(at, timeZone, 'short')}]`;
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
