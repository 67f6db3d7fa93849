// Main process: API keys in the OS keychain (macOS Keychain, Windows Credential Manager, the Linux
// Secret Service) through @napi-rs/keyring. Keys are never written anywhere else, not even as a fallback.
import { AsyncEntry, type EntryOptions } from "@napi-rs/keyring";
import { redactSecrets } from "../../shared/redact";
import { DojoError } from "../errors";

/** Secrets stored per account (a profile id) under one service name. */
export interface Keychain {
  /** The secret of `account`, or null when none is stored. */
  get(account: string): Promise<string | null>;
  /** Stores (or replaces) the secret of `account`. */
  set(account: string, secret: string): Promise<void>;
  /** Removes the secret of `account`; removing a missing one is not an error. */
  delete(account: string): Promise<void>;
  /** Whether the keychain answers at all, and if not, why and what to do instead. */
  probe(): Promise<{ available: boolean; problem: string | null }>;
}

/** The service name keys are filed under in the OS keychain. */
export const DEFAULT_KEYCHAIN_SERVICE = "prompt-dojo";

/** The account read by `probe()`; nothing is ever stored under it. */
const PROBE_ACCOUNT = "__prompt-dojo-probe__";

/**
 * On Linux, keyring-rs falls back to the kernel keyring when no Secret Service answers. That store is
 * lost at logout, so a key would silently vanish: pin the Secret Service and fail loudly instead.
 */
const ENTRY_OPTIONS: EntryOptions = { linux: { store: "secret-service" } };

/** What the user can do when the keychain does not answer. */
export const KEYCHAIN_ADVICE =
  "Prompt Dojo never stores API keys in plain files. To use a key anyway, start the app with the " +
  "OPENAI_API_KEY environment variable set (for example: OPENAI_API_KEY=sk-... npm start); it is used " +
  "for OpenAI profiles and never saved. On Linux, a running, unlocked Secret Service (GNOME Keyring or " +
  "KWallet) makes the keychain work.";

/** Says why the keychain failed (redacted of `secrets`) and what to do instead. */
function describeProblem(cause: unknown, secrets: readonly string[]): string {
  const reason = redactSecrets(cause instanceof Error ? cause.message : String(cause), secrets);
  return `The OS keychain is not available (${reason}). ${KEYCHAIN_ADVICE}`;
}

/** Builds the keychain_unavailable error: what failed, why, and how to use OPENAI_API_KEY instead. */
export function keychainUnavailable(action: string, cause: unknown, secrets: readonly string[] = []): DojoError {
  return new DojoError("keychain_unavailable", `Could not ${action}. ${describeProblem(cause, secrets)}`);
}

/**
 * The OS keychain. Every operation is async (a Secret Service call goes over D-Bus and must not block
 * the main process); every failure becomes DojoError("keychain_unavailable") saying what to do.
 */
export function createOsKeychain(service: string = DEFAULT_KEYCHAIN_SERVICE, options: { probeTimeoutMs?: number } = {}): Keychain {
  const probeTimeoutMs = options.probeTimeoutMs ?? 5_000;
  // The constructor already talks to the Secret Service on Linux (and throws without a bus), so
  // entries are made inside each operation's error handling.
  const entry = (account: string) => new AsyncEntry(service, account, ENTRY_OPTIONS);

  return {
    async get(account) {
      try {
        return await entry(account).getPassword();
      } catch (err) {
        throw keychainUnavailable("read the key from the keychain", err);
      }
    },
    async set(account, secret) {
      try {
        await entry(account).setPassword(secret);
      } catch (err) {
        throw keychainUnavailable("save the key in the keychain", err, [secret]);
      }
    },
    async delete(account) {
      try {
        await entry(account).deletePassword();
      } catch (err) {
        throw keychainUnavailable("remove the key from the keychain", err);
      }
    },
    async probe() {
      // A read of an entry that does not exist answers null when the keychain works.
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${probeTimeoutMs} ms`)), probeTimeoutMs);
        timer.unref();
      });
      try {
        await Promise.race([entry(PROBE_ACCOUNT).getPassword(), timeout]);
        return { available: true, problem: null };
      } catch (err) {
        return { available: false, problem: describeProblem(err, []) };
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
