// A 届出 arrives as the case file writes it: "がん疼" when there is only the 受理記号, else an object.
import type { Filing } from "./bindings/Filing";

export interface FilingParts {
  symbol: string;
  number: string | null;
  since: string | null;
}

export function filingParts(filing: Filing): FilingParts {
  return typeof filing === "string"
    ? { symbol: filing, number: null, since: null }
    : { symbol: filing.symbol, number: filing.number ?? null, since: filing.since ?? null };
}
