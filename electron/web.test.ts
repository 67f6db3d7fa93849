// Tests (main side): the web host's pure checks (Host, Origin, token, static paths, MIME types).
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isLoopbackHost, isSameOriginRequest, mimeTypeFor, resolveStaticPath, tokenMatches } from "./web";

describe("isLoopbackHost", () => {
  it("accepts the three loopback names with the server's port", () => {
    expect(isLoopbackHost("127.0.0.1:5173", 5173)).toBe(true);
    expect(isLoopbackHost("localhost:5173", 5173)).toBe(true);
    expect(isLoopbackHost("LOCALHOST:5173", 5173)).toBe(true);
    expect(isLoopbackHost("[::1]:5173", 5173)).toBe(true);
  });

  it("refuses other names (DNS rebinding), other ports, no port and no header", () => {
    expect(isLoopbackHost("evil.example:5173", 5173)).toBe(false);
    expect(isLoopbackHost("127.0.0.1.nip.io:5173", 5173)).toBe(false);
    expect(isLoopbackHost("127.0.0.1:5174", 5173)).toBe(false);
    expect(isLoopbackHost("127.0.0.1", 5173)).toBe(false);
    expect(isLoopbackHost("localhost", 5173)).toBe(false);
    expect(isLoopbackHost("", 5173)).toBe(false);
    expect(isLoopbackHost(undefined, 5173)).toBe(false);
  });
});

describe("isSameOriginRequest", () => {
  it("accepts no Origin and the host's own origin", () => {
    expect(isSameOriginRequest(undefined, "127.0.0.1:80")).toBe(true);
    expect(isSameOriginRequest("http://127.0.0.1:80", "127.0.0.1:80")).toBe(true);
    expect(isSameOriginRequest("http://localhost:80", "localhost:80")).toBe(true);
  });

  it("refuses other sites, other ports, https, and the opaque null origin", () => {
    expect(isSameOriginRequest("https://evil.example", "127.0.0.1:80")).toBe(false);
    expect(isSameOriginRequest("http://127.0.0.1:81", "127.0.0.1:80")).toBe(false);
    expect(isSameOriginRequest("https://127.0.0.1:80", "127.0.0.1:80")).toBe(false);
    expect(isSameOriginRequest("http://localhost:80", "127.0.0.1:80")).toBe(false);
    expect(isSameOriginRequest("null", "127.0.0.1:80")).toBe(false);
  });
});

describe("tokenMatches", () => {
  const token = "q0Zr7M5aVwq1u3lZbJ8Yc2Hk9tN4xP6sE1dF0gH3jK8";
  it("accepts the token and nothing else", () => {
    expect(tokenMatches(token, token)).toBe(true);
    expect(tokenMatches(`${token.slice(0, -1)}9`, token)).toBe(false); // same length
    expect(tokenMatches(token.slice(0, 10), token)).toBe(false); // shorter
    expect(tokenMatches(`${token}x`, token)).toBe(false); // longer
    expect(tokenMatches("", token)).toBe(false);
    expect(tokenMatches(undefined, token)).toBe(false);
  });
});

describe("resolveStaticPath", () => {
  const root = path.resolve("/srv/dojo/dist/renderer");
  it("maps / to index.html and paths to files inside the root", () => {
    expect(resolveStaticPath(root, "/")).toBe(path.join(root, "index.html"));
    expect(resolveStaticPath(root, "/assets/index-abc.js")).toBe(path.join(root, "assets", "index-abc.js"));
    expect(resolveStaticPath(root, "/assets/a%20b.css")).toBe(path.join(root, "assets", "a b.css"));
  });

  it("refuses anything that would leave the root", () => {
    for (const p of ["/../package.json", "/assets/../../x", "/..%2fpackage.json", "/%2e%2e/%2e%2e/etc/passwd", "/%2e%2e%2fsecret", "/a%00.html", "/%E0%A4%A", "/.."]) {
      expect(resolveStaticPath(root, p)).toBeNull();
    }
  });
});

describe("mimeTypeFor", () => {
  it("names the types the renderer build produces, and treats unknown files as bytes", () => {
    expect(mimeTypeFor("index.html")).toBe("text/html; charset=utf-8");
    expect(mimeTypeFor("assets/index-1.JS")).toBe("text/javascript; charset=utf-8");
    expect(mimeTypeFor("a.css")).toBe("text/css; charset=utf-8");
    expect(mimeTypeFor("a.svg")).toBe("image/svg+xml");
    expect(mimeTypeFor("a.woff2")).toBe("font/woff2");
    expect(mimeTypeFor("editor.worker.js.map")).toBe("application/json; charset=utf-8");
    expect(mimeTypeFor("LICENSE")).toBe("application/octet-stream");
  });
});
