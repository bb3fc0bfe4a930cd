// The policy pack's entry point, as the engine's policy runner loads it (the `main` of
// policy/package.json). The pack is written in TypeScript and built with the package (npm run
// build: policy/*.ts -> dist/policy/), so this file only loads the built code.
require("../dist/policy/pack");
