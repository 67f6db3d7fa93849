// Main process: who an HTTP request on 127.0.0.1 comes from: the Host and Origin checks that block DNS
// rebinding and cross-site requests, shared by the web door and the simulator's control endpoint.

/** True when `host` (the Host header) names this server by a loopback name: blocks DNS rebinding. */
export function isLoopbackHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const h = host.toLowerCase();
  return h === `127.0.0.1:${port}` || h === `localhost:${port}` || h === `[::1]:${port}`;
}

/** True when the Origin header is absent (same-origin GETs, non-browser clients) or is this host's own. */
export function isSameOriginRequest(origin: string | undefined, host: string): boolean {
  if (origin === undefined) return true;
  return origin.toLowerCase() === `http://${host.toLowerCase()}`;
}

/**
 * Why a request to a loopback server on `port` is refused, or null when its Host is a loopback name
 * for that port and its Origin (if any) is that same host.
 */
export function foreignRequestReason(headers: { host?: string; origin?: string }, port: number): string | null {
  if (!isLoopbackHost(headers.host, port)) return "Forbidden: unexpected Host header.";
  if (!isSameOriginRequest(headers.origin, headers.host!)) return "Forbidden: cross-site request.";
  return null;
}
