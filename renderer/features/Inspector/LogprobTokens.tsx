// Renderer: the answer token by token, coloured by probability, alternatives on hover.
import type { TokenLogprob } from "./assembleResponse";
import { cellTitle, formatProbability, tokenCells } from "./logprobView";

/** One choice's tokens; shown only when the provider returned logprobs. */
export function LogprobTokens({ logprobs, label }: { logprobs: readonly TokenLogprob[]; label: string }) {
  const cells = tokenCells(logprobs);
  return (
    <figure className="logprob-view" data-testid="logprob-view">
      <figcaption>
        {label}: {cells.length} tokens. Colour = probability (green at least 90%, yellow 50 to 90%, orange 10 to 50%, red below 10%); hover for the alternatives.
      </figcaption>
      <p className="logprob-tokens">
        {cells.map((cell, i) => (
          <span key={i} className={`logprob-token band-${cell.band}`} title={cellTitle(cell)} data-probability={formatProbability(cell.probability)}>
            {cell.token}
          </span>
        ))}
      </p>
    </figure>
  );
}
