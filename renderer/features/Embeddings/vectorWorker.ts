// Renderer (Web Worker): runs the vector engine off the UI thread; started by vectorClient.ts.
import { createVectorEngine } from "./vectorEngine";
import type { VectorRequest } from "./vectorProtocol";

const scope = self as unknown as {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<VectorRequest>) => void) | null;
};
const engine = createVectorEngine((reply, transfer) => scope.postMessage(reply, transfer ?? []));
scope.onmessage = (event) => void engine.handle(event.data);
