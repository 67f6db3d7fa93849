// Main process (desktop): the IPC door. Registers each contract channel with ipcMain.handle, refuses
// senders that are not the app's own page in its main frame, and sends events to the caller.
import { channelNames, type CallResult, type ChannelName } from "../shared/contract";
import { appError } from "../shared/errors";
import { dispatch, type HandlerContext, type Handlers } from "./dispatch";
import { isAppEntryURL } from "./window";

/** The one IPC channel every main-to-renderer event travels on, as `{ event, payload }`. */
export const IPC_EVENT_CHANNEL = "dojo:event";

/** The IPC channel name of a contract channel ("chat.start" -> "dojo:chat.start"). */
export function ipcChannelFor(channel: ChannelName): string {
  return `dojo:${channel}`;
}

/** Who may call: the app's entry URL, APP_ENTRY_URL (app://prompt-dojo/index.html, see appProtocol.ts). */
export interface IpcTrustPolicy {
  appEntryURL: string;
}

/** The parts of Electron's WebFrameMain the trust check reads. */
export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
  readonly processId: number;
  readonly routingId: number;
}

/** The parts of Electron's WebContents the door uses. */
export interface SenderLike {
  readonly mainFrame: FrameLike;
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
}

/** The parts of Electron's IpcMainInvokeEvent the door uses. */
export interface InvokeEventLike {
  readonly senderFrame: FrameLike | null;
  readonly sender: SenderLike;
}

/** The parts of Electron's ipcMain the door uses. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

/**
 * True when the call comes from the app's own page (the exact entry URL on the app:// origin) in the
 * window's main frame. A frame that is gone (null), a subframe, or any other URL (a file:// page,
 * another app:// path, about:blank, a page reached by a navigation that slipped through) is refused.
 */
export function isTrustedSender(event: InvokeEventLike, policy: IpcTrustPolicy): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  if (frame.parent !== null) return false;
  const main = event.sender.mainFrame;
  // Electron may hand out distinct wrapper objects for one frame; process + routing id identify it.
  const isMainFrame = frame === main || (frame.processId === main.processId && frame.routingId === main.routingId);
  if (!isMainFrame) return false;
  return isAppEntryURL(frame.url, policy.appEntryURL);
}

/** The context a handler gets: events go back to the webContents that made the call. */
function contextFor(sender: SenderLike): HandlerContext {
  return {
    emit(event, payload) {
      // A run may outlive its window (closed mid-stream): sending to a destroyed one would throw.
      if (!sender.isDestroyed()) sender.send(IPC_EVENT_CHANNEL, { event, payload });
    },
  };
}

/**
 * Registers one `ipcMain.handle` per contract channel; each call is checked (sender, then input
 * through dispatch) before a handler runs. Returns a function removing every handler again.
 */
export function registerIpc(
  ipcMain: IpcMainLike,
  handlers: Handlers,
  policy: IpcTrustPolicy & { secrets?: () => readonly string[] },
): () => void {
  const secrets = policy.secrets ?? (() => []);
  const registered: string[] = [];
  for (const channel of channelNames) {
    const ipcChannel = ipcChannelFor(channel);
    ipcMain.handle(ipcChannel, async (event, input): Promise<CallResult<ChannelName>> => {
      if (!isTrustedSender(event, policy)) {
        return { ok: false, error: appError("permission", `Refused ${channel}: the caller is not the app's own page.`) };
      }
      return dispatch(handlers, channel, input, contextFor(event.sender), secrets);
    });
    registered.push(ipcChannel);
  }
  return () => {
    for (const ipcChannel of registered) ipcMain.removeHandler(ipcChannel);
  };
}
