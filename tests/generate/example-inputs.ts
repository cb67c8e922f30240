// The example's inputs to `floe-helm generate` (examples/generate): its manifest and two data products, as
// examples/generate/README.md runs it.
export const example = "examples/generate";

export const exampleInputs: readonly string[] = [
  "--manifest",
  `${example}/manifest.yaml`,
  "--product",
  `${example}/products/orders.yaml`,
  "--product",
  `${example}/products/inventory.yaml`,
];
