import type { EndpointModule } from "./kernel";

// Placeholder so the model compiles while this area is written; replaced by the real module.
export const pausesModule: EndpointModule = { endpoints: [] };
