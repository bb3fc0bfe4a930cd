import { describe, expect, it } from "vitest";
import { canonicalQuery, clinkTimestamp, javaUrlEncode, signature, stringToSign } from "../../provider/api";
import { flattenQuery, signedQuery } from "../../provider/api/signing";

// The inputs of the document's section 2.1.3 (签名机制): its GET and POST examples.
const KEY = "b1fcdc6c62be261cf97b00b25be6a2af";
const TS = "2018-10-12T10:18:12Z";

describe("string to sign (doc 2.1.3)", () => {
  it("reproduces the GET example (doc 2.1.3, urlParam) character for character", () => {
    const params: Array<[string, string]> = [
      ["AccessKeyId", KEY],
      ["Expires", "60"],
      ["Timestamp", TS],
      ["limit", "10"],
      ["offset", "0"],
      ["qno", "0000"],
      ...flattenQuery({ cnos: ["0000", "0001"] }),
    ];
    expect(stringToSign("GET", "api-bj.clink.cn", "/cc/list_clients", params)).toBe(
      "GETapi-bj.clink.cn/cc/list_clients?AccessKeyId=b1fcdc6c62be261cf97b00b25be6a2af&Expires=60&Timestamp=2018-10-12T10%3A18%3A12Z&cnos%5B0%5D=0000&cnos%5B1%5D=0001&limit=10&offset=0&qno=0000",
    );
  });

  it("reproduces the POST example (doc 2.1.3, urlParam): the body is not signed", () => {
    const params: Array<[string, string]> = [
      ["AccessKeyId", KEY],
      ["Expires", "60"],
      ["Timestamp", TS],
    ];
    expect(stringToSign("POST", "api-bj.clink.cn", "/cc/online", params)).toBe(
      "POSTapi-bj.clink.cn/cc/online?AccessKeyId=b1fcdc6c62be261cf97b00b25be6a2af&Expires=60&Timestamp=2018-10-12T10%3A18%3A12Z",
    );
  });

  it("formats the timestamp as yyyy-MM-ddTHH:mm:ssZ in UTC (doc 2.1.2 `Timestamp`)", () => {
    expect(clinkTimestamp(Date.UTC(2018, 9, 12, 10, 18, 12, 999))).toBe(TS);
  });

  it("signs with base64 HMAC-SHA1 of the secret (doc 2.1.3, 计算Signature)", () => {
    // Known HMAC-SHA1 vector (RFC 2202 test case 2).
    expect(signature("Jefe", "what do ya want for nothing?")).toBe(
      Buffer.from("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79", "hex").toString("base64"),
    );
  });

  it("puts the signature, URL-encoded, after the sorted parameters", () => {
    const q = signedQuery({
      method: "GET",
      host: "h",
      path: "/p",
      params: [["b", "x y"]],
      accessKeyId: "id",
      accessKeySecret: "s",
      expiresSeconds: 60,
      nowMs: Date.UTC(2018, 9, 12, 10, 18, 12),
    });
    const toSign = "GETh/p?AccessKeyId=id&Expires=60&Timestamp=2018-10-12T10%3A18%3A12Z&b=x+y";
    expect(q).toBe(
      "AccessKeyId=id&Expires=60&Timestamp=2018-10-12T10%3A18%3A12Z&b=x+y&Signature=" +
        javaUrlEncode(signature("s", toSign)),
    );
  });
});

describe("java.net.URLEncoder encoding", () => {
  it.each([
    ["a b", "a+b"],
    ["*", "*"],
    ["~", "%7E"],
    ["!", "%21"],
    ["'", "%27"],
    ["(", "%28"],
    [")", "%29"],
    ["._-", "._-"],
    ["AZaz09", "AZaz09"],
    ["售后", "%E5%94%AE%E5%90%8E"],
    ["a+b/c=d&e", "a%2Bb%2Fc%3Dd%26e"],
    ["😀", "%F0%9F%98%80"],
  ])("encodes %j as %j", (input, expected) => {
    expect(javaUrlEncode(input)).toBe(expected);
  });

  it("sorts by encoded key, byte order", () => {
    expect(
      canonicalQuery([
        ["b", "1"],
        ["B", "2"],
        ["a[1]", "3"],
        ["a", "4"],
      ]),
    ).toBe("B=2&a=4&a%5B1%5D=3&b=1");
  });

  it("flattens arrays as name[i] and objects as name.key, dropping null and undefined", () => {
    expect(flattenQuery({ cnos: ["1", "2"], o: { k: 1 }, n: null, u: undefined, z: 0 })).toEqual([
      ["cnos[0]", "1"],
      ["cnos[1]", "2"],
      ["o.k", "1"],
      ["z", "0"],
    ]);
  });
});
