import { GoogleException } from '../google-errors';
import type { ExecutionMeter } from '../execution';

// The line between the script's realm (the vm context running Code.js) and the sandbox's services.
// Everything that crosses it goes through here, so the services can be plain TypeScript over host
// values while the script sees what Apps Script gives it: its own Arrays and Dates (so `instanceof
// Date` holds, as in Apps Script), errors named "Exception", and one counted service call per method
// call on a Google object.

/** The constructors of the script's realm, taken from the vm context before the script runs. */
export interface ScriptRealm {
  Array: ArrayConstructor;
  Date: DateConstructor;
  Error: ErrorConstructor;
  Object: ObjectConstructor;
}

const isDate = (value: unknown): value is Date => Object.prototype.toString.call(value) === '[object Date]';

export interface Boundary {
  /** A Google object as the script sees it: counted (unless `counted` is false), converting, wrapped once per object. */
  expose(target: object, label: string, counted?: boolean): object;
  toScript(value: unknown): unknown;
  toHost(value: unknown): unknown;
}

/** Runs before each counted call, with its name (e.g. 'Range.getValues'); throws to refuse it. */
export type CallCheck = (method: string) => void;

export function createBoundary(realm: ScriptRealm, meter: ExecutionMeter, beforeCall?: CallCheck): Boundary {
  const exposed = new WeakMap<object, object>();
  const targets = new WeakMap<object, object>();

  const isPlainObject = (value: object): boolean => {
    const proto = Object.getPrototypeOf(value);
    return proto === null || proto === Object.prototype || proto === realm.Object.prototype;
  };

  function toScript(value: unknown): unknown {
    if (value === null || typeof value !== 'object') return value;
    if (targets.has(value)) return value;
    if (isDate(value)) return new realm.Date(value.getTime());
    if (Array.isArray(value)) {
      const copy = new realm.Array(value.length);
      for (let i = 0; i < value.length; i++) copy[i] = toScript(value[i]);
      return copy;
    }
    if (isPlainObject(value)) {
      const copy = new realm.Object() as Record<string, unknown>;
      for (const [key, item] of Object.entries(value)) copy[key] = toScript(item);
      return copy;
    }
    return expose(value, value.constructor?.name ?? 'Object');
  }

  function toHost(value: unknown): unknown {
    if (value === null || typeof value !== 'object') return value;
    const target = targets.get(value);
    if (target) return target;
    if (isDate(value)) return new Date(value.getTime());
    if (Array.isArray(value)) {
      const copy = new Array(value.length);
      for (let i = 0; i < value.length; i++) copy[i] = toHost(value[i]);
      return copy;
    }
    if (isPlainObject(value)) {
      const copy: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) copy[key] = toHost(item);
      return copy;
    }
    return value;
  }

  function toScriptError(error: unknown): unknown {
    if (error instanceof GoogleException) {
      const scriptError = new realm.Error(error.message);
      scriptError.name = 'Exception';
      return scriptError;
    }
    return error;
  }

  function expose(target: object, label: string, counted = true): object {
    const known = exposed.get(target);
    if (known) return known;
    const proxy = new Proxy(target, {
      get(object, property) {
        const value: unknown = Reflect.get(object, property, object);
        if (typeof property === 'symbol') return value;
        if (typeof value !== 'function') return toScript(value);
        const method = `${label}.${property}`;
        return (...args: unknown[]) => {
          if (counted) {
            meter.serviceCalls++;
            meter.callsByMethod[method] = (meter.callsByMethod[method] ?? 0) + 1;
          }
          try {
            beforeCall?.(method);
            return toScript(Reflect.apply(value, object, args.map(toHost)));
          } catch (error) {
            throw toScriptError(error);
          }
        };
      },
      // Some Google objects take assignments: an HtmlTemplate's variables are set as properties.
      set(object, property, value) {
        return Reflect.set(object, property, toHost(value), object);
      },
      has(object, property) {
        return property in object;
      },
      ownKeys() {
        return [];
      },
    });
    exposed.set(target, proxy);
    targets.set(proxy, target);
    return proxy;
  }

  return { expose, toScript, toHost };
}
