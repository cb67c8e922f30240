// Provider lookup by name (the `cluster` input).
import { ExistingProvider } from "./existing.js";
import { KindProvider } from "./kind/provider.js";
import { KwokProvider } from "./kwok/provider.js";
import type { ClusterProvider, ProviderName } from "./provider.js";

export function provider(name: ProviderName): ClusterProvider {
  switch (name) {
    case "kind":
      return new KindProvider();
    case "kwok":
      return new KwokProvider();
    case "existing":
      return new ExistingProvider();
  }
}
