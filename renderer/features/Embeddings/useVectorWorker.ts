// Renderer: one vector worker per mounted view, loaded with the current embedded set.
import { useEffect, useState } from "react";
import { startVectorWorker, type VectorClient } from "./vectorClient";

/** What a view needs to load into the worker. */
export interface LoadableSet {
  vectors: Float32Array;
  dimensions: number;
  texts: string[];
  version: number;
}

/**
 * Starts the worker on mount (stopped on unmount) and loads each new set into it. Returns the
 * client and the version now loaded (null until the first load completes), or the load's error.
 */
export function useVectorWorker(set: LoadableSet | null): { client: VectorClient | null; loaded: number | null; error: string | null } {
  const [client, setClient] = useState<VectorClient | null>(null);
  const [loaded, setLoaded] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const started = startVectorWorker();
    setClient(started);
    return () => started.dispose();
  }, []);
  useEffect(() => {
    if (!client || !set) return;
    let live = true;
    setLoaded(null);
    // A copy goes to the worker (its buffer is transferred); the store keeps the original.
    client
      .load(set.vectors.slice(), set.dimensions, set.texts)
      .then(() => live && (setLoaded(set.version), setError(null)))
      .catch((err: unknown) => live && setError(err instanceof Error ? err.message : String(err)));
    return () => {
      live = false;
    };
  }, [client, set]);
  return { client, loaded, error };
}
