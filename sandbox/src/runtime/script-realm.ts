import vm from 'node:vm';
import type { ScriptRealm } from './boundary';

// A fresh context per execution, as Apps Script starts each execution with a freshly loaded script:
// only the ECMAScript built-ins, then the Google services as globals. `Date` reads the simulated clock
// so that the script's "now" is the sandbox's, and everything date-driven (triggers, weekly periods,
// the 6-minute limit) can be tested by moving that clock.
const clockedDate = `(function (clockNow) {
  var NativeDate = globalThis.Date;
  function ClockedDate() {
    if (!new.target) return new NativeDate(clockNow()).toString();
    var args = Array.prototype.slice.call(arguments);
    return args.length === 0 ? new NativeDate(clockNow()) : Reflect.construct(NativeDate, args);
  }
  ClockedDate.prototype = NativeDate.prototype;
  ClockedDate.now = function now() { return clockNow(); };
  ClockedDate.UTC = NativeDate.UTC;
  ClockedDate.parse = NativeDate.parse;
  Object.defineProperty(ClockedDate, 'name', { value: 'Date' });
  Object.defineProperty(NativeDate.prototype, 'constructor', { value: ClockedDate, writable: true, configurable: true });
  globalThis.Date = ClockedDate;
  return NativeDate;
})`;

export interface ScriptContext {
  context: vm.Context;
  realm: ScriptRealm;
}

export function createScriptContext(clockNow: () => number): ScriptContext {
  const context = vm.createContext({}, { name: 'Apps Script V8', codeGeneration: { strings: true, wasm: false } });
  const nativeDate = (vm.runInContext(clockedDate, context) as (now: () => number) => DateConstructor)(clockNow);
  const builtins = vm.runInContext('({ Array: Array, Error: Error, Object: Object })', context) as Omit<ScriptRealm, 'Date'>;
  return { context, realm: { ...builtins, Date: nativeDate } };
}
