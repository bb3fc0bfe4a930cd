export {
  ClinkClient,
  REGION_ENDPOINTS,
  type ClinkClientOptions,
  type ClinkResponse,
  type Region,
  type RequestOptions,
} from "./client";
export { ClinkApiError, type ClinkErrorCode } from "./errors";
export { javaUrlEncode, stringToSign, signature, canonicalQuery, clinkTimestamp } from "./signing";
