// Renderer: the one rule for links in rendered Markdown: only absolute http(s) and mailto addresses
// become links (opened outside the app: the desktop window hands them to the OS browser); anything
// else (javascript:, data:, file:, relative paths) is shown as text.

/** The URL to link to, or null when the address must not become a link. */
export function safeLinkUrl(href: string): string | null {
  try {
    const url = new URL(href);
    return url.protocol === "http:" || url.protocol === "https:" || url.protocol === "mailto:" ? url.href : null;
  } catch {
    return null;
  }
}
