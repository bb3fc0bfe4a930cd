// Entry point for `pulumi up`: Pulumi calls the exported function and its result becomes the stack outputs.
import { quickstartCenter } from "./center";

export = async () => quickstartCenter();
