// Main side: the console scrubbed like every other way out. Each entry (desktop and web mode) calls
// scrubConsole once at start, so whatever the main side logs (its own errors, an SDK's warnings, an
// error whose message quotes a provider's answer) reaches stdout or stderr without a known secret,
// a piece of one or a key-shaped string in it.
import { formatWithOptions } from "node:util";
import { scrubText } from "./knownSecrets";

/** The console methods that write text. */
const METHODS = ["log", "info", "warn", "error", "debug", "trace"] as const;

/** Marks a console already wrapped, so a second call does not scrub twice. */
const WRAPPED = Symbol.for("prompt-dojo.scrubbedConsole");

type Target = Pick<Console, (typeof METHODS)[number]> & { [WRAPPED]?: true };

/**
 * Wraps `target`'s writing methods (the global console by default): each call's arguments are
 * formatted as console would format them (util.format), scrubbed with every secret known now, and
 * passed on as one string. Idempotent.
 */
export function scrubConsole(target: Target = console): void {
  if (target[WRAPPED]) return;
  for (const method of METHODS) {
    const original = target[method].bind(target);
    target[method] = (...args: unknown[]) => {
      let line: string;
      try {
        line = scrubText(formatWithOptions({ colors: false }, ...args));
      } catch {
        line = "[a log line that could not be scrubbed was left out]";
      }
      original(line);
    };
  }
  target[WRAPPED] = true;
}
