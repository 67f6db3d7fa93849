// Main process (desktop): the app:// scheme the window loads the renderer from, as pure functions
// (URL -> file in dist/renderer -> Response), so the path checks are tested without Electron.
import { resolve, sep } from "node:path";
import { contentTypeOf } from "./contentTypes";
import { CONTENT_SECURITY_POLICY } from "./window";

/** The custom scheme (Electron's security checklist: prefer a custom protocol to file://). */
export const APP_SCHEME = "app";

/** The one host the scheme serves. Any other host is refused, so the origin is exactly one. */
export const APP_HOST = "prompt-dojo";

/** The renderer's origin: `'self'` in the CSP and the IPC sender check both mean this, and only this. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The URL the window loads; the only page that may call the IPC door. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The scheme's privileges, for protocol.registerSchemesAsPrivileged (before the app is ready).
 * `standard` gives it a real origin (relative URLs, storage); `secure` makes it a secure context;
 * fetch and CORS are for the module scripts and workers Vite emits (`crossorigin` module scripts).
 * Never `bypassCSP`, never service workers.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
} as const;


/** What resolveAppRequest decided: a file to serve, or a status to refuse with. */
export type AppRequestTarget =
  | { kind: "file"; path: string; contentType: string }
  | { kind: "refuse"; status: 400 | 403 | 404 | 405; reason: string };

/** The parts of a protocol.handle request this module reads (a fetch Request has them). */
export interface AppRequestLike {
  readonly url: string;
  readonly method: string;
  /** Set by Electron 45+ to the origin of the page that made the request; absent for the browser's own. */
  readonly initiatorOrigin?: string | null;
}

/** Decodes one path segment, or returns null when it is malformed. */
function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/**
 * Maps a request to a file under `rendererDir`, or to a refusal. Refused: another scheme or host,
 * a method other than GET/HEAD, a request started by another origin, and any path that could leave
 * the folder: `.`/`..` segments (also percent-encoded), encoded slashes, backslashes, drive colons,
 * NUL bytes, empty segments.
 * The resolved path is checked to lie inside the folder as a last guard.
 */
export function resolveAppRequest(request: AppRequestLike, rendererDir: string): AppRequestTarget {
  if (request.method !== "GET" && request.method !== "HEAD") return { kind: "refuse", status: 405, reason: "method" };
  if (request.initiatorOrigin !== undefined && request.initiatorOrigin !== APP_ORIGIN) {
    return { kind: "refuse", status: 403, reason: "initiator" };
  }
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return { kind: "refuse", status: 400, reason: "url" };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username || url.password) {
    return { kind: "refuse", status: 404, reason: "origin" };
  }
  // The URL parser has already removed plain and %2e dot segments; decoding a segment can still
  // give one back ("..%2f"), a separator, or a drive ("C:") that would move path.resolve elsewhere.
  const segments: string[] = [];
  for (const raw of url.pathname.split("/").slice(1)) {
    const segment = decodeSegment(raw);
    if (segment === null || segment === "." || segment === ".." || /[/\\:\0]/.test(segment)) {
      return { kind: "refuse", status: 403, reason: "path" };
    }
    segments.push(segment);
  }
  if (segments.length === 0 || segments[segments.length - 1] === "") segments.splice(-1, 1, "index.html");
  if (segments.some((segment) => segment === "")) return { kind: "refuse", status: 403, reason: "path" };
  const root = resolve(rendererDir);
  const path = resolve(root, ...segments);
  if (!path.startsWith(root + sep)) return { kind: "refuse", status: 403, reason: "path" };
  return { kind: "file", path, contentType: contentTypeOf(path) };
}

/** Reads a file's bytes (fs.promises.readFile in the app; Electron's fs reads inside app.asar). */
export type ReadFile = (path: string) => Promise<Uint8Array<ArrayBuffer>>;

/** Headers every app:// response carries: the CSP (webRequest does not see this scheme) and nosniff. */
function baseHeaders(): Record<string, string> {
  return { "Content-Security-Policy": CONTENT_SECURITY_POLICY, "X-Content-Type-Options": "nosniff" };
}

/**
 * The protocol.handle handler for app://: serves files of `rendererDir` with their content type and
 * the CSP, and answers every refusal or missing file with a bodyless status.
 */
export function createAppProtocolHandler(options: { rendererDir: string; readFile: ReadFile }) {
  return async (request: AppRequestLike): Promise<Response> => {
    const target = resolveAppRequest(request, options.rendererDir);
    if (target.kind === "refuse") return new Response(null, { status: target.status, headers: baseHeaders() });
    let body: Uint8Array<ArrayBuffer>;
    try {
      body = await options.readFile(target.path);
    } catch {
      // Missing, a folder, unreadable: the page only ever asks for files the build wrote.
      return new Response(null, { status: 404, headers: baseHeaders() });
    }
    const headers = { ...baseHeaders(), "Content-Type": target.contentType, "Content-Length": String(body.byteLength) };
    return new Response(request.method === "HEAD" ? null : new Blob([body]), { status: 200, headers });
  };
}
